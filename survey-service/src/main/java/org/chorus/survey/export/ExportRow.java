package org.chorus.survey.export;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chorus.survey.response.Answer;
import org.chorus.survey.response.Contact;

/**
 * One response as read for an export.
 *
 * @param language the language the response was given in; null for responses accepted before it was recorded
 * @param contact only when the export includes contact details and the respondent consented; otherwise null
 * @param codings the first-pass coding of each coded free-text answer, by question id
 */
record ExportRow(UUID id, int surveyVersion, Instant submittedAt, String channel, String place, String language,
        Map<String, Answer> answers, Contact contact, Map<String, RowCoding> codings) {

    /** How one answer is coded, as its export's 0/1 columns need it. */
    record RowCoding(List<String> categories, boolean cannotBeCoded) {
    }
}
