package org.chorus.platform.events.contract;

import java.time.Instant;
import java.util.UUID;

/**
 * A webhook subscription was disabled: which one, whose, why ({@code FAILING}: its deliveries kept failing;
 * {@code ORGANISATION_DEACTIVATED}: its organisation is no longer a partner) and after how many failed attempts in a
 * row. Never its address's secret.
 */
public record WebhookSubscriptionData(
        UUID subscriptionId,
        UUID organisationId,
        String reason,
        int consecutiveFailures,
        Instant disabledAt) {
}
