package org.chorus.survey.definition;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page or part of a survey, grouping questions under a heading. */
@Schema(name = "Section")
public record Section(
        @NotNull @Pattern(regexp = Ids.PATTERN, message = Ids.RULE) @Schema(examples = "priorities") String id,
        @NotNull @Valid Text title,
        @Valid Text introduction,
        @NotNull @Size(min = 1, max = 100) List<@NotNull @Valid Question> questions) {

    Section in(String language) {
        return new Section(id, title.in(language), Text.in(introduction, language),
                questions.stream().map(q -> q.in(language)).toList());
    }
}
