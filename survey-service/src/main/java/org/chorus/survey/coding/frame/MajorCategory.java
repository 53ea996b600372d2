package org.chorus.survey.coding.frame;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The first level of a coding frame: a broad category and the minor categories under it. */
@Schema(name = "CodingMajorCategory")
public record MajorCategory(
        @Schema(description = "Unique in the frame: lower-case letters, digits and hyphens", examples = "access")
        String code,
        @Schema(examples = "Access to services") String label,
        @Schema(description = "The insight theme this category counts towards, if any", examples = "access-to-care")
        String insightTheme,
        List<MinorCategory> minors) {

    public List<MinorCategory> minorsOrEmpty() {
        return minors == null ? List.of() : minors;
    }
}
