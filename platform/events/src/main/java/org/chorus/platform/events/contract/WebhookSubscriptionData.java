package org.chorus.platform.events.contract;

import java.time.Instant;
import java.util.UUID;

/**
 * A webhook subscription was disabled because its deliveries kept failing: which one, whose, and after how many failed
 * attempts in a row. Never its address's secret.
 */
public record WebhookSubscriptionData(
        UUID subscriptionId,
        UUID organisationId,
        int consecutiveFailures,
        Instant disabledAt) {
}
