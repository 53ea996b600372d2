package org.chorus.survey.handover;

import static org.chorus.platform.datapackage.Field.Type.BOOLEAN;
import static org.chorus.platform.datapackage.Field.Type.DATETIME;
import static org.chorus.platform.datapackage.Field.Type.INTEGER;
import static org.chorus.platform.datapackage.Field.Type.OBJECT;
import static org.chorus.platform.datapackage.Field.Type.STRING;
import static org.chorus.platform.datapackage.Field.Type.UUID;

import java.util.ArrayList;
import java.util.List;

import org.chorus.platform.datapackage.Field;
import org.chorus.platform.datapackage.Table;
import org.chorus.platform.datapackage.Table.ForeignKey;
import org.chorus.survey.response.Channel;

/** The tables of the survey service's handover package, in the order they are written. */
final class SurveyTables {

    static final Table SURVEYS = new Table("surveys", "Surveys", "Every survey of the organisation, drafts included",
            Field.versioned(List.of(Field.required("id", UUID, "Survey id", "The survey's id"),
                    Field.required("status", STRING, "Status", "DRAFT, OPEN or CLOSED"),
                    Field.required("title", STRING, "Title", "The survey's title in English"),
                    Field.of("draft", OBJECT, "Draft", "The definition being edited, as the API takes it"),
                    Field.of("published_version", INTEGER, "Published version", "The latest published version"),
                    Field.of("opens_at", DATETIME, "Opens", "When it opened"),
                    Field.of("closes_at", DATETIME, "Closes", "When it closes or closed"),
                    Field.of("results_published_at", DATETIME, "Results published", "When its results summary was "
                            + "published, if it is")),
                    "Created", "When it was made"),
            List.of("id"), List.of());

    static final Table VERSIONS = new Table("survey_versions", "Published versions",
            "Every published version of every survey, frozen: each response follows the version it was given for",
            List.of(Field.required("survey_id", UUID, "Survey", "The survey"),
                    Field.required("version", INTEGER, "Version", "1 for the first publication, then one more each time"),
                    Field.required("definition", OBJECT, "Definition", "Questions, options, glossary and "
                            + "translations, as the API takes them"),
                    Field.required("published_at", DATETIME, "Published", "When this version was published")),
            List.of("survey_id", "version"), List.of(ForeignKey.of("survey_id", "surveys", "id")));

    static final Table EXPORT_AUDIT = new Table("export_audit", "Export audit",
            "Every export of responses of the organisation's surveys, and every export the organisation made",
            List.of(Field.required("id", UUID, "Export id", "The export's id"),
                    Field.required("survey_id", UUID, "Survey", "The survey exported"),
                    Field.required("organisation_id", UUID, "Organisation", "The organisation that exported"),
                    Field.required("key_id", UUID, "Key", "The key that exported"),
                    Field.required("format", STRING, "Format", "CSV, NDJSON, XLSX or DATAPACKAGE"),
                    Field.required("filters", OBJECT, "Filters", "The filters the export applied"),
                    Field.required("include_contact", BOOLEAN, "Contact details", "Whether it held contact details"),
                    Field.required("row_count", INTEGER, "Rows", "How many rows went out"),
                    Field.required("completed", BOOLEAN, "Completed", "Whether it ran to its end"),
                    Field.required("started_at", DATETIME, "Started", "When it started"),
                    Field.of("finished_at", DATETIME, "Finished", "When it ended")),
            List.of("id"), List.of());

    private static final List<Field> RESPONSE_FIELDS = List.of(
            Field.required("id", UUID, "Response id", "The response's id (pseudonymous)"),
            Field.required("survey_id", UUID, "Survey", "The survey answered"),
            Field.required("survey_version", INTEGER, "Survey version", "The version it was given for"),
            Field.required("channel", STRING, "Channel", "How it came").codes(Channel.values()),
            Field.of("place_code", STRING, "Place", "The place the respondent named"),
            Field.required("via_organisation_id", UUID, "Via", "The organisation whose page or staff took it"),
            Field.of("entered_by", STRING, "Entered by", "Who entered a phone or paper response"),
            Field.required("submitted_at", DATETIME, "Submitted", "When it was accepted"),
            Field.of("language", STRING, "Language", "The language it was given in"),
            Field.required("answers", OBJECT, "Answers", "The answers by question id, as the API took them"));

    private static final List<Field> CONTACT_FIELDS = List.of(
            Field.of("contact_name", STRING, "Contact name", "Only of a respondent who consented to be contacted"),
            Field.of("contact_email", STRING, "Contact email", "Only of a respondent who consented to be contacted"),
            Field.of("contact_phone", STRING, "Contact phone", "Only of a respondent who consented to be contacted"));

    private SurveyTables() {
    }

    /** Responses, with respondents' contact details only for a key that may read them. */
    static Table responses(boolean withContacts) {
        List<Field> fields = new ArrayList<>(RESPONSE_FIELDS);
        if (withContacts) {
            fields.addAll(CONTACT_FIELDS);
        }
        return new Table("responses", "Responses", "Every response to the organisation's surveys that was not erased"
                + (withContacts ? ", with contact details where the respondent consented" : ", without contact details"),
                fields, List.of("id"), List.of(new ForeignKey(List.of("survey_id", "survey_version"), "survey_versions",
                        List.of("survey_id", "version"))));
    }
}
