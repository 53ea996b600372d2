package org.chorus.survey.coding.answer;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How far coding of one free-text question has got. */
@Schema(name = "CodingProgress")
public record QuestionProgress(String questionId, long answers, long coded,
        @Schema(description = "coded / answers, in % to one decimal; 100 when nobody answered") double percentCoded) {

    static QuestionProgress of(String questionId, long answers, long coded) {
        return new QuestionProgress(questionId, answers, coded,
                answers == 0 ? 100.0 : Math.round(1000.0 * coded / answers) / 10.0);
    }
}
