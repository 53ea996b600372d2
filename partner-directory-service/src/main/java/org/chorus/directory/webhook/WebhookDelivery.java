package org.chorus.directory.webhook;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One event's delivery to one subscription, as the delivery log shows it. */
public record WebhookDelivery(
        UUID id,
        @Schema(description = "The webhook-id header: the event's id, the same on every attempt") String webhookId,
        @Schema(example = "finding.published") String eventType,
        DeliveryStatus status,
        int attempts,
        @Schema(description = "The HTTP status of the last answer, null if none came") Integer lastStatusCode,
        @Schema(description = "Why the last attempt failed without an answer (timeout, refused address)")
        String lastError,
        Instant lastAttemptAt,
        @Schema(description = "When it is next tried; null unless PENDING") Instant nextAttemptAt,
        Instant createdAt) {
}
