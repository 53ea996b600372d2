package org.chorus.survey.handover;

import java.util.List;
import java.util.UUID;

import org.chorus.platform.handover.HandoverSection;

/** What the survey service hands over of an organisation: each table with the query that reads it. */
final class SurveyHandover {

    private static final String CONSENTED = "contact @> '{\"consent\": true}'";
    private static final String OWN_SURVEYS = "SELECT id FROM survey WHERE organisation_id = ?";

    private SurveyHandover() {
    }

    static List<HandoverSection> sections(UUID organisation, boolean withContacts) {
        List<Object> own = List.of(organisation);
        String contacts = withContacts ? ", CASE WHEN " + CONSENTED + " THEN contact ->> 'name' END"
                + ", CASE WHEN " + CONSENTED + " THEN contact ->> 'email' END"
                + ", CASE WHEN " + CONSENTED + " THEN contact ->> 'phone' END" : "";
        return List.of(
                new HandoverSection(SurveyTables.SURVEYS, """
                        SELECT id, status, title, draft, published_version, opens_at, closes_at, results_published_at,
                               version, created_at, updated_at
                        FROM survey WHERE organisation_id = ? ORDER BY created_at, id""", own),
                new HandoverSection(SurveyTables.VERSIONS, "SELECT survey_id, version, definition, published_at "
                        + "FROM survey_version WHERE survey_id IN (" + OWN_SURVEYS + ") ORDER BY survey_id, version",
                        own),
                new HandoverSection(SurveyTables.responses(withContacts), "SELECT id, survey_id, survey_version, "
                        + "channel, place_code, via_organisation_id, entered_by, submitted_at, language, answers"
                        + contacts + " FROM response WHERE survey_id IN (" + OWN_SURVEYS + ") "
                        + "ORDER BY survey_id, submitted_at, id", own),
                new HandoverSection(SurveyTables.EXPORT_AUDIT, """
                        SELECT id, survey_id, organisation_id, key_id, format, filters, include_contact, row_count,
                               completed, started_at, finished_at
                        FROM export_audit WHERE organisation_id = ? OR survey_id IN (SELECT id FROM survey
                                                                                     WHERE organisation_id = ?)
                        ORDER BY started_at, id""", List.of(organisation, organisation)));
    }
}
