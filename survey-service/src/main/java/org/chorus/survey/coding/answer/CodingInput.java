package org.chorus.survey.coding.answer;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How a coder codes one answer: categories of one frame, or that it cannot be coded. */
@Schema(name = "CodingInput")
public record CodingInput(
        UUID frameId,
        @Schema(description = "The frame's version; its latest when absent") Integer frameVersion,
        @Schema(description = "Codes of the frame, majors or minors; may be empty") List<String> categories,
        Sentiment sentiment,
        @Schema(description = "True when the answer cannot be coded (then no categories)") Boolean cannotBeCoded) {

    List<String> categoriesOrEmpty() {
        return categories == null ? List.of() : categories;
    }

    boolean uncodable() {
        return Boolean.TRUE.equals(cannotBeCoded);
    }
}
