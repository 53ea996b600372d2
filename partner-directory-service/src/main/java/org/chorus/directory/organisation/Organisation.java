package org.chorus.directory.organisation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An organisation as callers see it. */
@Schema(name = "Organisation", requiredProperties = { "id", "name", "type", "placeCodes", "allowedOrigins", "active",
        "createdAt", "updatedAt", "version" })
public record Organisation(
        UUID id,
        @Schema(examples = "Healthwatch Blackpool") String name,
        OrganisationType type,
        @Schema(description = "NHS Organisation Data Service code", examples = "QE1") String odsCode,
        @Schema(examples = "https://healthwatch-blackpool.example") String website,
        @Schema(examples = "enquiries@healthwatch-blackpool.example") String contactEmail,
        @Schema(examples = "[\"blackpool\"]") List<String> placeCodes,
        @Schema(description = "Web origins whose pages may call Chorus with this organisation's publishable keys",
                examples = "[\"https://healthwatch-blackpool.example\"]") List<String> allowedOrigins,
        @Schema(description = "Its own rate limits for its publishable keys; null means the gateway's defaults")
        RateLimits rateLimits,
        boolean active,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "Changes with every update; the ETag names it") long version) {
}
