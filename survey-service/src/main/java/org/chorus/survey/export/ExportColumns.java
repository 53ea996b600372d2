package org.chorus.survey.export;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import org.chorus.survey.definition.PublishedSurvey;
import org.chorus.survey.definition.Question;
import org.chorus.survey.question.ExportColumn;
import org.chorus.survey.question.QuestionKind;
import org.chorus.survey.question.ValueStyle;
import org.chorus.survey.response.Answer;
import org.chorus.survey.response.Contact;

/**
 * The fixed column order of an export, from the latest published version: response_id, survey_version,
 * submitted_at, channel, place, language; then per ranking its columns (with labels one per rank,
 * {@code <question>_rank_<n>}, holding the item's label; with codes one per item, {@code <question>_<item>}, holding
 * its rank); per choose-several one 0/1 column per option ({@code <question>_<option>}); single choices and ratings
 * ({@code <question>}); free text, each followed by its coded columns if it is coded (see {@link CodedColumns});
 * demographics (except the place question, whose answer is the place column). Within
 * each kind, questions keep their order in the survey; each kind says where it comes and what its columns are.
 * Exports that include contact details end with the {@link #CONTACT} columns. Every column is described too, for
 * the data package's codebook.
 */
final class ExportColumns {

    /** Fixed first columns; no question may take one of these ids (see DefinitionRules). */
    static final List<String> LEADING = List.of("response_id", "survey_version", "submitted_at", "channel", "place",
            "language");
    /**
     * Respondents' contact details, only in exports that include them (see {@link ContactAccess}). Named so that no
     * question's column can take the name: ids have no underscore, so {@code contact_email} could be a choose-several
     * question {@code contact} with an option {@code email}, but nothing but a rank has two underscores.
     */
    static final List<String> CONTACT = List.of("respondent_contact_name", "respondent_contact_email",
            "respondent_contact_phone");

    private final List<ExportColumn> described = new ArrayList<>();
    private final List<CellKind> kinds = new ArrayList<>();
    private final List<Function<ExportRow, String>> values = new ArrayList<>();

    /** @param coded the 0/1 columns that follow each coded free-text question's own column */
    ExportColumns(PublishedSurvey survey, boolean withContacts, ValueStyle style, CodedColumns coded) {
        List<Function<ExportRow, String>> leading = List.of(r -> r.id().toString(),
                r -> Integer.toString(r.surveyVersion()), r -> InstantText.of(r.submittedAt()), ExportRow::channel,
                ExportRow::place, ExportRow::language);
        List<ExportColumn> leadingColumns = LeadingColumns.of(survey);
        for (int i = 0; i < leading.size(); i++) {
            add(leadingColumns.get(i), leading.get(i));
        }
        survey.definition().questions().map(Question::kind)
                .sorted(Comparator.comparingInt(QuestionKind::exportPosition))
                .forEach(kind -> {
                    kind.columns(style).forEach(this::addAnswerColumn);
                    coded.of(kind.question()).forEach(c -> add(c.column(), c.value()));
                });
        if (withContacts) {
            List<Function<Contact, String>> parts = List.of(Contact::name, Contact::email, Contact::phone);
            List<ExportColumn> contactColumns = LeadingColumns.contact();
            for (int i = 0; i < parts.size(); i++) {
                add(contactColumns.get(i), contact(parts.get(i)));
            }
        }
    }

    List<String> names() {
        return described.stream().map(ExportColumn::name).toList();
    }

    /** Each column's kind, in column order: what the export's schema says a cell holds. */
    List<CellKind> kinds() {
        return kinds;
    }

    /** Every column with what a codebook says of it, in column order. */
    List<ExportColumn> described() {
        return described;
    }

    List<String> values(ExportRow row) {
        List<String> out = new ArrayList<>(values.size());
        for (Function<ExportRow, String> value : values) {
            out.add(value.apply(row));
        }
        return out;
    }

    /** A question's column, empty when the question was not answered (so 0 in a 0/1 column means "not picked"). */
    private void addAnswerColumn(ExportColumn column) {
        Function<Answer, String> value = column.value();
        String questionId = column.questionId();
        add(column, row -> {
            Answer answer = row.answers().get(questionId);
            return answer == null ? null : value.apply(answer);
        });
    }

    private void add(ExportColumn column, Function<ExportRow, String> value) {
        described.add(column);
        kinds.add(switch (column.type()) {
            case INTEGER -> CellKind.NUMBER;
            case STRING, DATETIME -> CellKind.TEXT;
        });
        values.add(value);
    }

    /** Empty for respondents who left no contact details or did not consent (the row then has no contact). */
    private static Function<ExportRow, String> contact(Function<Contact, String> part) {
        return row -> row.contact() == null ? null : part.apply(row.contact());
    }
}
