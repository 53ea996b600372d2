package org.chorus.survey.export;

import java.util.Arrays;
import java.util.List;

import org.chorus.survey.definition.PublishedSurvey;
import org.chorus.survey.definition.Question;
import org.chorus.survey.definition.Text;
import org.chorus.survey.question.ExportColumn;
import org.chorus.survey.question.ExportColumn.Measure;
import org.chorus.survey.question.ExportColumn.Type;
import org.chorus.survey.response.Channel;

/** What a codebook says of the columns every export has, which come from the response rather than an answer. */
final class LeadingColumns {

    /** A PostgreSQL timestamp in ISO-8601 with microseconds and the Z of UTC. */
    private static final int TIME_LENGTH = 27;

    private LeadingColumns() {
    }

    /** In the order of {@link ExportColumns#LEADING}. */
    static List<ExportColumn> of(PublishedSurvey survey) {
        List<ExportColumn.Category> places = survey.definition().questions().filter(q -> q.kind().givesPlace())
                .findFirst().map(LeadingColumns::places).orElse(List.of());
        return List.of(
                column("response_id", Type.STRING, 36, "Response", "A pseudonymous id of the response (a UUID): "
                        + "the same in every export, and never linked to who gave it", List.of()),
                column("survey_version", Type.INTEGER, 0, "Survey version",
                        "The published version of the survey the response was given to", List.of()),
                column("submitted_at", Type.DATETIME, TIME_LENGTH, "Submitted at",
                        "When the response was accepted, ISO-8601 in UTC", List.of()),
                column("channel", Type.STRING, 16, "Channel", "How the response reached us",
                        Arrays.stream(Channel.values()).map(c -> new ExportColumn.Category(c.name(),
                                Text.en(channel(c)))).toList()),
                column("place", Type.STRING, ExportColumn.CODE_LENGTH, "Place",
                        "The place code the respondent gave, when the survey asks for one", places),
                column("language", Type.STRING, 8, "Language", "The language the respondent read the survey in "
                        + "(a language tag); empty for responses accepted before it was recorded", List.of()));
    }

    /** Respondents' contact details, in the order of {@link ExportColumns#CONTACT}. */
    static List<ExportColumn> contact() {
        return List.of(
                column("respondent_contact_name", Type.STRING, 200, "Contact name",
                        "Given by respondents who asked to be contacted and consented", List.of()),
                column("respondent_contact_email", Type.STRING, 254, "Contact email",
                        "Given by respondents who asked to be contacted and consented", List.of()),
                column("respondent_contact_phone", Type.STRING, 40, "Contact phone",
                        "Given by respondents who asked to be contacted and consented", List.of()));
    }

    private static List<ExportColumn.Category> places(Question placeQuestion) {
        return placeQuestion.optionsOrEmpty().stream()
                .map(o -> new ExportColumn.Category(o.id(), o.label())).toList();
    }

    private static String channel(Channel channel) {
        return switch (channel) {
            case ONLINE -> "Online, on a partner's website";
            case PHONE -> "By phone, entered by staff";
            case PAPER -> "On paper, entered by staff";
            case EASY_READ -> "Easy-read version, entered by staff";
            case EVENT -> "At an event, entered by staff";
        };
    }

    private static ExportColumn column(String name, Type type, int maxLength, String title, String description,
            List<ExportColumn.Category> categories) {
        return new ExportColumn(name, null, type, Measure.NOMINAL, maxLength, Text.en(title), description, categories,
                answer -> null);
    }
}
