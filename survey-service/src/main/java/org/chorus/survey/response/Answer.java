package org.chorus.survey.response;

import java.util.List;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/** The answer to one question; which field is used depends on the question type. */
@Schema(name = "Answer", examples = "{\"ranking\": [\"living-prevention\", \"starting-first-1000-days\"]}")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Answer(
        @Size(max = 100) @Schema(description = "RANKING: item ids, most important first") List<String> ranking,
        @Size(max = 100) @Schema(description = "CHOOSE_SEVERAL: the option ids picked") List<String> choices,
        @Schema(description = "SINGLE_CHOICE and DEMOGRAPHIC: the option id picked") String choice,
        @Schema(description = "FREE_TEXT: what the respondent wrote") String text,
        @Schema(description = "RATING: a point on the scale") Integer rating,
        @Schema(description = "Special-category DEMOGRAPHIC questions: true when the respondent agreed to this answer "
                + "being stored") Boolean consent) {

    /** A RANKING answer: item ids, most important first. */
    public static Answer ranking(List<String> itemIds) {
        return new Answer(itemIds, null, null, null, null, null);
    }

    /** A CHOOSE_SEVERAL answer: the option ids picked. */
    public static Answer choices(List<String> optionIds) {
        return new Answer(null, optionIds, null, null, null, null);
    }

    /** A SINGLE_CHOICE or DEMOGRAPHIC answer, with the respondent's consent where a special category asks for it. */
    public static Answer choice(String optionId, Boolean consent) {
        return new Answer(null, null, optionId, null, null, consent);
    }

    /** A FREE_TEXT answer. */
    public static Answer text(String text) {
        return new Answer(null, null, null, text, null, null);
    }

    /** A RATING answer: a point on the scale. */
    public static Answer rating(Integer point) {
        return new Answer(null, null, null, null, point, null);
    }

    @JsonIgnore
    /** Whether nothing was actually answered, as when a respondent leaves a question blank. */
    public boolean isBlank() {
        return (ranking == null || ranking.isEmpty()) && (choices == null || choices.isEmpty()) && choice == null
                && (text == null || text.isBlank()) && rating == null;
    }
}
