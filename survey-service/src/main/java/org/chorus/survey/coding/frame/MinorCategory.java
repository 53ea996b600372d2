package org.chorus.survey.coding.frame;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The second level of a coding frame, under one major category. */
@Schema(name = "CodingMinorCategory")
public record MinorCategory(
        @Schema(description = "Unique in the frame", examples = "access-waiting-times") String code,
        @Schema(examples = "Waiting times") String label,
        @Schema(description = "The insight theme this category counts towards, if any") String insightTheme) {
}
