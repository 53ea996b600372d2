package org.chorus.survey.response;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What a respondent keeps after submitting: proof it arrived, and the token that erases it. */
@Schema(name = "Receipt", requiredProperties = { "responseId", "surveyId", "surveyVersion", "submittedAt" })
public record Receipt(
        UUID responseId,
        UUID surveyId,
        int surveyVersion,
        Instant submittedAt,
        @Schema(description = "Send as the Erasure-Token header of DELETE /api/v1/responses/{responseId} to erase the "
                + "response. Chorus keeps only its hash, so it cannot be shown again: it is in the first answer "
                + "only, and absent from the receipt a retry with the same Idempotency-Key gets. Without it, the "
                + "respondent asks the survey's organisation to erase the response, quoting its responseId.",
                examples = "ert_q3Xh8vN2kLp0RtY6wZb1cF5mJ9sA4dG7")
        @JsonInclude(JsonInclude.Include.NON_NULL) String erasureToken) {

    /** The receipt as kept for idempotent replays: no token at rest, only its hash beside the response. */
    Receipt withoutToken() {
        return new Receipt(responseId, surveyId, surveyVersion, submittedAt, null);
    }
}
