package org.chorus.directory.place;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an administrator sends to register a place. */
@Schema(name = "PlaceInput")
public record PlaceInput(
        @NotBlank @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lower-case letters and digits joined by hyphens")
        @Size(max = 60)
        @Schema(examples = "blackburn-with-darwen") String code,
        @NotBlank @Size(max = 200) @Schema(examples = "Blackburn with Darwen") String name,
        @NotNull PlaceKind kind,
        @Schema(description = "Code of the enclosing place; null only for the integrated care system", examples = "lsc")
        String parentCode) {
}
