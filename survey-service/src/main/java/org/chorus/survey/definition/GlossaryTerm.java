package org.chorus.survey.definition;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A term respondents may not know, with its plain-language explanation. */
@Schema(name = "GlossaryTerm")
public record GlossaryTerm(
        @NotNull @Valid @Schema(examples = "{\"en\": \"Food poverty\"}") Text term,
        @NotNull @Valid Text definition) {

    GlossaryTerm in(String language) {
        return new GlossaryTerm(term.in(language), definition.in(language));
    }
}
