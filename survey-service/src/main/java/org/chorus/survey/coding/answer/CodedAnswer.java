package org.chorus.survey.coding.answer;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A free-text answer and how it is coded, for a coder's list. */
@Schema(name = "CodedAnswer", requiredProperties = { "responseId", "questionId", "text", "submittedAt", "version" })
public record CodedAnswer(
        UUID responseId,
        String questionId,
        @Schema(description = "What the respondent wrote") String text,
        Instant submittedAt,
        @Schema(description = "Absent while uncoded") Coding coding,
        @Schema(description = "What If-Match names to code it: 0 while uncoded, then each change adds one")
        long version) {
}
