package org.chorus.directory.webhook;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Counts a subscription's failed attempts in a row and disables it when they reach
 * {@link WebhookConfig#disableAfterFailures()}. Counted with plain updates, so that failures do not
 * change the subscription's version (its ETag): only disabling it does.
 */
@ApplicationScoped
public class SubscriptionHealth {

    private final EntityManager entityManager;
    private final SubscriptionDisabling disabling;
    private final int disableAfter;

    public SubscriptionHealth(EntityManager entityManager, SubscriptionDisabling disabling, WebhookConfig config) {
        this.entityManager = entityManager;
        this.disabling = disabling;
        this.disableAfter = config.disableAfterFailures();
    }

    public void succeeded(UUID subscriptionId) {
        entityManager.createNativeQuery("""
                UPDATE webhook_subscription SET consecutive_failures = 0
                WHERE id = ?1 AND consecutive_failures <> 0""").setParameter(1, subscriptionId).executeUpdate();
    }

    /** Counts a failed attempt; the one that reaches the limit disables the subscription and gives up its queue. */
    public void failed(UUID subscriptionId, UUID organisationId, Instant now) {
        Number failures = (Number) entityManager.createNativeQuery("""
                UPDATE webhook_subscription SET consecutive_failures = consecutive_failures + 1
                WHERE id = ?1 RETURNING consecutive_failures""").setParameter(1, subscriptionId).getSingleResult();
        if (failures.intValue() >= disableAfter) {
            disabling.disable(subscriptionId, organisationId, DisabledReason.FAILING, failures.intValue(), now);
        }
    }
}
