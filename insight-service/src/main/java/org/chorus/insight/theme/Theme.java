package org.chorus.insight.theme;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A theme of the taxonomy as callers see it. */
@Schema(name = "Theme")
public record Theme(
        @Schema(examples = "mental-health-support") String code,
        @Schema(examples = "Mental health support") String label,
        @Schema(examples = "Support for mental health and emotional wellbeing") String description) {
}
