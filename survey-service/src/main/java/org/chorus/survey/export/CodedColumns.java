package org.chorus.survey.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.chorus.survey.coding.answer.ExportCodebook;
import org.chorus.survey.coding.answer.ExportCodebook.CodedQuestion;
import org.chorus.survey.definition.Question;
import org.chorus.survey.definition.Text;
import org.chorus.survey.export.ExportRow.RowCoding;
import org.chorus.survey.question.ExportColumn;
import org.chorus.survey.question.Titles;

/**
 * The 0/1 columns a coded free-text question adds after its own: {@code <question>__code__<category>} per category
 * of the frame versions its codings used, then {@code <question>__cannot_be_coded}. Question ids and codes have no
 * underscores, so no other column can take these names. A cell is empty while the answer is uncoded (or was not
 * given), so a 0 always means a coder read the answer and did not give it the category.
 */
final class CodedColumns {

    static final String CODE = "__code__";
    static final String CANNOT_BE_CODED = "__cannot_be_coded";

    private final Map<String, CodedQuestion> coded;

    CodedColumns(Map<String, CodedQuestion> coded) {
        this.coded = coded;
    }

    boolean any() {
        return !coded.isEmpty();
    }

    /** One column with how its cell is read from a row. */
    record Column(ExportColumn column, Function<ExportRow, String> value) {
    }

    /** @return the question's coded columns, in order; none when it is not coded */
    List<Column> of(Question question) {
        CodedQuestion codes = coded.get(question.id());
        if (codes == null) {
            return List.of();
        }
        String frames = codes.frames().stream().map(CodedColumns::frame).collect(Collectors.joining("; "));
        List<Column> columns = new ArrayList<>();
        for (ExportCodebook.Category category : codes.categories()) {
            String code = category.code();
            columns.add(new Column(column(question, CODE + code, category.label(),
                    "1 when a coder gave the answer the category " + code + ", 0 when not; empty while the answer is "
                            + "uncoded. Coded with " + frames,
                    "coded as " + category.label(), "not coded as " + category.label()),
                    row -> cell(row, question.id(), c -> c.categories().contains(code))));
        }
        columns.add(new Column(column(question, CANNOT_BE_CODED, "Cannot be coded",
                "1 when a coder marked the answer as impossible to code, 0 when it was coded; empty while uncoded. "
                        + "Coded with " + frames,
                "cannot be coded", "coded"), row -> cell(row, question.id(), RowCoding::cannotBeCoded)));
        return columns;
    }

    private static ExportColumn column(Question question, String suffix, String label, String description,
            String one, String zero) {
        return new ExportColumn(question.id() + suffix, question.id(), ExportColumn.Type.INTEGER,
                ExportColumn.Measure.NOMINAL, 0, Titles.joined(question.text(), Text.en(label)), description,
                List.of(new ExportColumn.Category("0", Text.en(zero)), new ExportColumn.Category("1", Text.en(one))),
                answer -> null);
    }

    private static String cell(ExportRow row, String questionId, Function<RowCoding, Boolean> holds) {
        RowCoding coding = row.codings().get(questionId);
        if (coding == null) {
            return null;
        }
        return holds.apply(coding) ? "1" : "0";
    }

    private static String frame(ExportCodebook.FrameUse use) {
        return "frame \"" + use.name() + "\" (" + use.frameId() + ") version"
                + (use.versions().size() == 1 ? " " : "s ")
                + use.versions().stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
