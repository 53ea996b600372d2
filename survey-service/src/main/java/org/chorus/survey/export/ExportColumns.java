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
 * submitted_at, channel, place; then per ranking one column per rank ({@code <question>_rank_<n>}, the item's
 * label); per choose-several one 0/1 column per option ({@code <question>_<option>}); single choices and ratings
 * ({@code <question>}); free text; demographics (except the place question, whose answer is the place column). Within
 * each kind, questions keep their order in the survey; each kind says where it comes and what its columns are.
 * Exports that include contact details end with the {@link #CONTACT} columns.
 */
final class ExportColumns {

    /** Fixed first columns; no question may take one of these ids (see DefinitionRules). */
    static final List<String> LEADING = List.of("response_id", "survey_version", "submitted_at", "channel", "place");
    /**
     * Respondents' contact details, only in exports that include them (see {@link ContactAccess}). Named so that no
     * question's column can take the name: ids have no underscore, so {@code contact_email} could be a choose-several
     * question {@code contact} with an option {@code email}, but nothing but a rank has two underscores.
     */
    static final List<String> CONTACT = List.of("respondent_contact_name", "respondent_contact_email",
            "respondent_contact_phone");

    private final List<String> names = new ArrayList<>(LEADING);
    /** survey_version is the one number among the leading columns. */
    private final List<CellKind> kinds = new ArrayList<>(
            List.of(CellKind.TEXT, CellKind.NUMBER, CellKind.TEXT, CellKind.TEXT, CellKind.TEXT));
    private final List<Function<ExportRow, String>> values = new ArrayList<>();
    private final List<ExportColumn> questionColumns = new ArrayList<>();

    ExportColumns(PublishedSurvey survey, boolean withContacts, ValueStyle style) {
        values.add(r -> r.id().toString());
        values.add(r -> Integer.toString(r.surveyVersion()));
        values.add(r -> r.submittedAt().toString());
        values.add(ExportRow::channel);
        values.add(ExportRow::place);
        survey.definition().questions().map(Question::kind)
                .sorted(Comparator.comparingInt(QuestionKind::exportPosition))
                .forEach(kind -> kind.columns(style).forEach(this::add));
        if (withContacts) {
            names.addAll(CONTACT);
            CONTACT.forEach(c -> kinds.add(CellKind.TEXT));
            values.add(contact(Contact::name));
            values.add(contact(Contact::email));
            values.add(contact(Contact::phone));
        }
    }

    List<String> names() {
        return names;
    }

    /** Each column's kind, in column order: what the export's schema says a cell holds. */
    List<CellKind> kinds() {
        return kinds;
    }

    List<String> values(ExportRow row) {
        List<String> out = new ArrayList<>(values.size());
        for (Function<ExportRow, String> value : values) {
            out.add(value.apply(row));
        }
        return out;
    }

    private void add(ExportColumn column) {
        questionColumns.add(column);
        names.add(column.name());
        kinds.add(switch (column.type()) {
            case INTEGER -> CellKind.NUMBER;
            case STRING -> CellKind.TEXT;
        });
        Function<Answer, String> value = column.value();
        String questionId = column.questionId();
        // empty when the question was not answered, so 0 in a 0/1 column means "not picked"
        values.add(row -> {
            Answer answer = row.answers().get(questionId);
            return answer == null ? null : value.apply(answer);
        });
    }

    /** Empty for respondents who left no contact details or did not consent (the row then has no contact). */
    private static Function<ExportRow, String> contact(Function<Contact, String> part) {
        return row -> row.contact() == null ? null : part.apply(row.contact());
    }
}
