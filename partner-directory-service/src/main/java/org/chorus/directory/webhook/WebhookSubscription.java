package org.chorus.directory.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subscription as its owner reads it: never its secret. */
@Schema(requiredProperties = { "id", "organisationId", "url", "eventTypes", "status", "createdAt", "version" })
public record WebhookSubscription(
        UUID id,
        UUID organisationId,
        String url,
        List<String> eventTypes,
        @Schema(description = "ACTIVE, or DISABLED (see disabledReason): nothing more is sent") String status,
        Instant disabledAt,
        @Schema(description = "Why it was disabled: FAILING (its deliveries failed too long; subscribe again to start "
                + "afresh) or ORGANISATION_DEACTIVATED (its organisation is no longer a partner); null while active")
        DisabledReason disabledReason,
        Instant createdAt,
        @Schema(description = "Changes with every update; the ETag names it") long version) {

    static WebhookSubscription of(WebhookSubscriptionEntity entity) {
        return new WebhookSubscription(entity.id, entity.organisationId, entity.url, entity.eventTypes,
                entity.disabledAt == null ? "ACTIVE" : "DISABLED", entity.disabledAt, entity.disabledReason,
                entity.createdAt, entity.version);
    }
}
