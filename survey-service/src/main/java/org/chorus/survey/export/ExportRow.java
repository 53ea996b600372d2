package org.chorus.survey.export;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.chorus.survey.response.Answer;
import org.chorus.survey.response.Contact;

/**
 * One response as read for an export.
 *
 * @param contact only when the export includes contact details and the respondent consented; otherwise null
 */
record ExportRow(UUID id, int surveyVersion, Instant submittedAt, String channel, String place,
        Map<String, Answer> answers, Contact contact) {
}
