package org.chorus.survey.coding.answer;

import java.util.List;
import java.util.UUID;

import org.chorus.survey.results.Cell;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Counts of coded answers per category, overall or broken down, with the same suppression as every other result. */
@Schema(name = "CodedResults")
public record CodedResults(UUID surveyId, UUID frameId, String frameName,
        @Schema(description = "What the groups are: all, channel, place, or a demographic question id",
                examples = "channel") String breakdown,
        @Schema(description = "Counts from 1 to this minus one are suppressed", examples = "5") int suppressionThreshold,
        List<Group> groups) {

    /** The coded answers of one group of respondents, e.g. those who answered by phone. */
    @Schema(name = "CodedGroup")
    public record Group(@Schema(description = "The group's value, e.g. PHONE; absent for all respondents; NOT_GIVEN, "
            + "last, for those who gave no place, or no answer to the question broken down by") String value,
            List<Question> questions) {
    }

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
