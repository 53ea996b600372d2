package org.chorus.insight.action;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A "you said, we did" action as callers see it. */
@Schema(name = "Action", requiredProperties = { "id", "organisationId", "title", "decision", "findingIds", "status",
        "decidedOn", "published", "createdAt", "updatedAt", "version" })
public record Action(
        UUID id,
        @Schema(description = "The organisation that decided") UUID organisationId,
        @Schema(examples = "Faster mental health referrals") String title,
        String decision,
        @Schema(description = "The findings it answers that the caller may see") List<UUID> findingIds,
        ActionStatus status,
        String reason,
        LocalDate decidedOn,
        LocalDate dueOn,
        LocalDate completedOn,
        @Schema(description = "Only published actions are visible through publishable keys") boolean published,
        Instant publishedAt,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "Changes with every update; the ETag names it") long version) {
}
