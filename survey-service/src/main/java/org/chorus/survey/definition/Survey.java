package org.chorus.survey.definition;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A survey as callers see it: its state and the definition they may read. */
@Schema(name = "Survey", requiredProperties = { "id", "organisationId", "status", "unpublishedChanges",
        "resultsPublished", "definition", "createdAt", "updatedAt", "revision" })
public record Survey(
        UUID id,
        @Schema(description = "The organisation that owns it; only it may change it") UUID organisationId,
        SurveyStatus status,
        @Schema(description = "The version respondents answer; null until first published", examples = "1")
        Integer publishedVersion,
        @Schema(description = "Whether the owner has edits not yet published") boolean unpublishedChanges,
        @Schema(description = "Whether the owner published the results summary, which anyone with a key (partner "
                + "websites included) can then read at /surveys/{id}/results/summary") boolean resultsPublished,
        @Schema(description = "For the owner the draft being edited; for everyone else the published version")
        SurveyDefinition definition,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "Changes with every edit; the ETag names it") long revision) {
}
