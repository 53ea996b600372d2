package org.chorus.directory.apikey;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How long the old key keeps working after a rotation, so that a deployment can switch keys without an outage. */
@Schema(name = "RotationInput")
public record RotationInput(
        @Min(0) @Max(value = 43_200, message = "must be at most 43200 (30 days)")
        @Schema(description = "Minutes the old key still works; default 1440 (a day), 0 to stop it at once",
                examples = "1440") Integer graceMinutes) {

    public static final int DEFAULT_GRACE_MINUTES = 1440;

    public int graceMinutesOrDefault() {
        return graceMinutes == null ? DEFAULT_GRACE_MINUTES : graceMinutes;
    }
}
