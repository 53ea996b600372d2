package org.chorus.survey.coding.frame;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new coding frame, or (without a name) a new version of one. */
@Schema(name = "CodingFrameInput")
public record FrameInput(
        @Schema(description = "Needed for a new frame; a new version keeps the frame's name", examples = "Local "
                + "access themes") String name,
        @Schema(description = "Two levels: major categories, each with its minors") List<MajorCategory> categories) {
}
