package org.chorus.survey.definition;

import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.chorus.survey.question.QuestionKind;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One question. Which of the optional fields apply depends on the type; its {@link QuestionKind} checks them, so that
 * every published question can be answered and validated, and holds everything else the type means.
 */
@Schema(name = "Question")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Question(
        @NotNull @Pattern(regexp = Ids.PATTERN, message = Ids.RULE) @Schema(examples = "rank-priorities") String id,
        @NotNull QuestionType type,
        @NotNull @Valid Text text,
        @Valid Text help,
        @Schema(description = "Whether an answer is needed; demographic questions are never required") Boolean required,
        @Size(max = 100) @Schema(description = "The items to rank or the options to choose from")
        List<@NotNull @Valid Choice> options,
        @Schema(description = "RANKING: rank only the top N items; all of them when absent", examples = "3")
        Integer rankTopN,
        @Schema(description = "CHOOSE_SEVERAL: fewest options to pick when answering", examples = "1") Integer minChoices,
        @Schema(description = "CHOOSE_SEVERAL: most options to pick", examples = "3") Integer maxChoices,
        @Schema(description = "FREE_TEXT: longest answer in characters", examples = "2000") Integer maxLength,
        @Schema(description = "RATING: lowest point of the scale", examples = "1") Integer scaleMin,
        @Schema(description = "RATING: highest point of the scale", examples = "5") Integer scaleMax,
        @Schema(description = "DEMOGRAPHIC: what it asks about") DemographicKind demographic) {

    public static final int DEFAULT_MAX_LENGTH = 2000;

    /** What the question's type means for it: its rules, counters, results and export columns. */
    public QuestionKind kind() {
        return QuestionKind.of(this);
    }

    public boolean mustAnswer() {
        return Boolean.TRUE.equals(required);
    }

    public List<Choice> optionsOrEmpty() {
        return options == null ? List.of() : options;
    }

    public Optional<Choice> option(String optionId) {
        return optionsOrEmpty().stream().filter(o -> o.id().equals(optionId)).findFirst();
    }

    /** How many positions a ranking answer fills. */
    public int positions() {
        return rankTopN == null ? optionsOrEmpty().size() : rankTopN;
    }

    public int textLimit() {
        return maxLength == null ? DEFAULT_MAX_LENGTH : maxLength;
    }

    public boolean needsConsent() {
        return type == QuestionType.DEMOGRAPHIC && demographic != null && demographic.needsConsent();
    }

    Question in(String language) {
        return new Question(id, type, text.in(language), Text.in(help, language), required,
                options == null ? null : options.stream().map(o -> o.in(language)).toList(),
                rankTopN, minChoices, maxChoices, maxLength, scaleMin, scaleMax, demographic);
    }
}
