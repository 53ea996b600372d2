package org.chorus.survey.response;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a respondent keeps after submitting: proof it arrived, and the token that erases it. */
@Schema(name = "Receipt")
public record Receipt(
        UUID responseId,
        UUID surveyId,
        int surveyVersion,
        Instant submittedAt,
        @Schema(description = "Send as the Erasure-Token header of DELETE /api/v1/responses/{responseId} to erase the "
                + "response. Chorus keeps only its hash, so it cannot be shown again.",
                examples = "ert_q3Xh8vN2kLp0RtY6wZb1cF5mJ9sA4dG7") String erasureToken) {
}
