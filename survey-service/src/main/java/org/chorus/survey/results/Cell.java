package org.chorus.survey.results;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A number of people, or the fact that it is too small to show. */
@Schema(name = "Count", examples = "{\"count\": 42}")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Cell(
        @Schema(description = "How many; absent when suppressed") Long count,
        @Schema(description = "True when the number is 1 to 4, or would reveal such a number") Boolean suppressed) {

    public static Cell of(long count, boolean hidden) {
        return hidden ? new Cell(null, true) : new Cell(count, null);
    }

    public boolean shown() {
        return count != null;
    }
}
