package org.chorus.survey.export;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.chorus.survey.response.Answer;
import org.chorus.survey.response.Contact;

/**
 * One response as read for an export.
 *
 * @param language the language the response was given in; null for responses accepted before it was recorded
 * @param contact only when the export includes contact details and the respondent consented; otherwise null
 */
record ExportRow(UUID id, int surveyVersion, Instant submittedAt, String channel, String place, String language,
        Map<String, Answer> answers, Contact contact) {
}
