package org.chorus.survey.results;

import java.util.List;
import java.util.UUID;

import org.chorus.survey.definition.QuestionType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Aggregate results of a survey, overall or broken down, with small numbers suppressed. */
@Schema(name = "SurveyResults", requiredProperties = { "surveyId", "version", "breakdown", "suppressionThreshold",
        "responsesNotYetCounted", "groups" })
public record SurveyResults(
        UUID surveyId,
        @Schema(description = "The published version whose labels are used", examples = "1") int version,
        @Schema(description = "What the groups are: all, channel, place, or a demographic question id",
                examples = "channel") String breakdown,
        @Schema(description = "Counts from 1 to this minus one are suppressed", examples = "5") int suppressionThreshold,
        @Schema(description = "Responses accepted that may not be in these figures yet: they are counted "
                + "in rounds, normally within a second of arriving. 0 means every response accepted before this "
                + "request is in them", examples = "0") long responsesNotYetCounted,
        List<Group> groups) {

    /** The results of one group of respondents, e.g. those who answered by phone. */
    @Schema(name = "ResultsGroup", requiredProperties = { "responses", "questions" })
    public record Group(
            @Schema(description = "The group's value, e.g. PHONE; absent for all respondents; NOT_GIVEN, last, for "
                    + "those who gave no place, or no answer to the question results are broken down by") String value,
            Cell responses,
            List<QuestionResults> questions) {
    }

    /** The results of one question within a group. */
    @Schema(name = "QuestionResults", requiredProperties = { "questionId", "type", "text", "answered" })
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record QuestionResults(
            String questionId,
            QuestionType type,
            String text,
            Cell answered,
            @Schema(description = "Choice questions: how many chose each option") List<OptionResult> options,
            @Schema(description = "Ranking questions: each item's ranks") List<RankedItem> items,
            @Schema(description = "Rating questions: how many gave each point") List<RatingPoint> ratings,
            @Schema(description = "Rating questions: the mean; absent when any point is suppressed") Double meanRating) {
    }

    /** How many picked one option, and what share of those who answered that is. */
    @Schema(name = "OptionResult")
    public record OptionResult(String optionId, String label, Cell count,
            @Schema(description = "count / answered; absent when suppressed", examples = "0.42") Double share) {
    }

    /**
     * One item of a ranking: first preferences, mean rank, Borda score (an item at rank r of n scores n - r + 1;
     * unranked items score 0) and how many put it at each rank. Mean and Borda are absent when any rank is suppressed.
     */
    @Schema(name = "RankedItem")
    public record RankedItem(String itemId, String label, Cell firstPreferences, Double meanRank, Long bordaScore,
            @Schema(description = "Index 0 is rank 1") List<Cell> rankDistribution) {
    }

    /** How many gave one point of a rating scale. */
    @Schema(name = "RatingPoint")
    public record RatingPoint(int value, Cell count) {
    }
}
