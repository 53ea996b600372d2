package org.chorus.survey.coding.answer;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How far the first and the second (blind) coder agree, per category of a frame. */
@Schema(name = "CoderAgreement")
public record CoderAgreement(UUID surveyId, UUID frameId,
        @Schema(description = "The question compared; absent for every free-text question") String questionId,
        @Schema(description = "Answers coded with the frame in both passes") long answersCompared,
        List<Category> categories) {

    /** One category's agreement over the answers compared. */
    @Schema(name = "CategoryAgreement")
    public record Category(String code,
            @Schema(description = "Answers both coders gave the category") long both,
            @Schema(description = "Answers only the first coder gave it") long firstOnly,
            @Schema(description = "Answers only the second coder gave it") long secondOnly,
            @Schema(description = "Share of answers on which the coders agree, 0 to 1") Double percentAgreement,
            @Schema(description = "Cohen's kappa; absent when undefined (no answers, or chance agreement certain)")
            Double kappa) {
    }
}
