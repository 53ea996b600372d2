package org.chorus.survey.coding.answer;

import java.util.List;
import java.util.UUID;

import org.chorus.survey.results.Cell;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Counts of coded answers per category, with the same small-number suppression as every other result. */
@Schema(name = "CodedResults")
public record CodedResults(UUID surveyId, UUID frameId, String frameName, List<Question> questions) {

    /** One free-text question's coded answers. */
    @Schema(name = "CodedQuestion")
    public record Question(String questionId,
            @Schema(description = "Answers coded with this frame") Cell coded,
            @Schema(description = "Answers marked as impossible to code") Cell cannotBeCoded,
            @Schema(description = "Every category of the frame's latest version, majors then their minors")
            List<Category> categories) {
    }

    /** How many answers were given one category; an answer may have several. */
    @Schema(name = "CodedCategory")
    public record Category(String code, String label,
            @Schema(description = "The insight theme it counts towards, if any") String insightTheme, Cell answers) {
    }
}
