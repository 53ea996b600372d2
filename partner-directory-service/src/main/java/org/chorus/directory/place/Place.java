package org.chorus.directory.place;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A place as callers see it. */
@Schema(name = "Place", requiredProperties = { "id", "code", "name", "kind" })
public record Place(
        UUID id,
        @Schema(examples = "blackpool") String code,
        @Schema(examples = "Blackpool") String name,
        PlaceKind kind,
        @Schema(description = "Code of the place this one is part of", examples = "lsc") String parentCode) {
}
