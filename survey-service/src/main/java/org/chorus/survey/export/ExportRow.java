package org.chorus.survey.export;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.chorus.survey.response.Answer;

/** One response as read for an export. */
record ExportRow(UUID id, int surveyVersion, Instant submittedAt, String channel, String place,
        Map<String, Answer> answers) {
}
