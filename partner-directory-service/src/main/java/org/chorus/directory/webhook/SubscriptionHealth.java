package org.chorus.directory.webhook;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.chorus.platform.audit.AuditTrail;
import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.events.contract.WebhookSubscriptionData;
import org.chorus.platform.outbox.Outbox;

/**
 * Counts a subscription's failed attempts in a row and disables it when they reach
 * {@link WebhookConfig#disableAfterFailures()}, announcing it. Counted with plain updates, so that failures do not
 * change the subscription's version (its ETag): only disabling it does.
 */
@ApplicationScoped
public class SubscriptionHealth {

    private final EntityManager entityManager;
    private final DeliveryStore deliveries;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final int disableAfter;

    public SubscriptionHealth(EntityManager entityManager, DeliveryStore deliveries, Outbox outbox, AuditTrail audit,
            WebhookConfig config) {
        this.entityManager = entityManager;
        this.deliveries = deliveries;
        this.outbox = outbox;
        this.audit = audit;
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
        if (failures.intValue() < disableAfter) {
            return;
        }
        int disabled = entityManager.createNativeQuery("""
                UPDATE webhook_subscription SET disabled_at = ?2, version = version + 1, updated_at = ?2
                WHERE id = ?1 AND disabled_at IS NULL""").setParameter(1, subscriptionId)
                .setParameter(2, now).executeUpdate();
        if (disabled == 1) {
            deliveries.giveUpPending(subscriptionId);
            outbox.record(ChorusEventTypes.WEBHOOK_SUBSCRIPTION_DISABLED, subscriptionId,
                    new WebhookSubscriptionData(subscriptionId, organisationId, failures.intValue(), now));
            audit.record("webhook.disabled", "webhook", subscriptionId,
                    Map.of("consecutiveFailures", Integer.toString(failures.intValue())));
        }
    }
}
