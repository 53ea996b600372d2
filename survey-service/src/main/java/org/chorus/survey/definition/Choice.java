package org.chorus.survey.definition;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An item to rank or an option to choose: a stable id that answers refer to, and its label. */
@Schema(name = "Choice")
public record Choice(
        @NotNull @Pattern(regexp = Ids.PATTERN, message = Ids.RULE) @Schema(examples = "first-1000-days") String id,
        @NotNull @Valid Text label,
        @Valid @Schema(description = "Optional longer explanation shown with the label") Text description) {

    Choice in(String language) {
        return new Choice(id, label.in(language), Text.in(description, language));
    }
}
