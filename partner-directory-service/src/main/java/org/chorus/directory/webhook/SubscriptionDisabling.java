package org.chorus.directory.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.chorus.directory.organisation.OrganisationDeactivated;
import org.chorus.platform.audit.AuditTrail;
import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.events.contract.WebhookSubscriptionData;
import org.chorus.platform.outbox.Outbox;
import org.chorus.platform.time.StoredTime;

/**
 * Disables subscriptions the same way whatever the reason: the subscription says why (and its version, so its ETag,
 * changes), its waiting deliveries are given up, and an event and an audit entry say so.
 */
@ApplicationScoped
public class SubscriptionDisabling {

    private final EntityManager entityManager;
    private final DeliveryStore deliveries;
    private final Outbox outbox;
    private final AuditTrail audit;

    public SubscriptionDisabling(EntityManager entityManager, DeliveryStore deliveries, Outbox outbox,
            AuditTrail audit) {
        this.entityManager = entityManager;
        this.deliveries = deliveries;
        this.outbox = outbox;
        this.audit = audit;
    }

    /**
     * In the deactivation's transaction, disables every subscription of the organisation: it is no longer a partner,
     * so nothing more is sent to it. The subscriptions are locked in the order a fan-out locks them
     * ({@link WebhookSubscriptionRepository#listListening}), so that neither waits for the other holding what it needs.
     */
    void disableAllOf(@Observes OrganisationDeactivated deactivated) {
        @SuppressWarnings("unchecked")
        List<Object[]> active = entityManager.createNativeQuery("""
                SELECT id, consecutive_failures FROM webhook_subscription
                WHERE organisation_id = ?1 AND disabled_at IS NULL
                ORDER BY created_at, id
                FOR UPDATE""").setParameter(1, deactivated.organisationId()).getResultList();
        Instant now = StoredTime.now();
        for (Object[] subscription : active) {
            disable((UUID) subscription[0], deactivated.organisationId(), DisabledReason.ORGANISATION_DEACTIVATED,
                    ((Number) subscription[1]).intValue(), now);
        }
    }

    /**
     * Disables the subscription unless it is disabled already. It is locked {@code FOR UPDATE} first, which a fan-out
     * ({@link WebhookSubscriptionRepository#listListening}) holds off: one under way commits first, and what it queued
     * is given up here; one that comes after finds the subscription disabled.
     */
    void disable(UUID subscriptionId, UUID organisationId, DisabledReason reason, int consecutiveFailures,
            Instant now) {
        entityManager.createNativeQuery("SELECT 1 FROM webhook_subscription WHERE id = ?1 FOR UPDATE")
                .setParameter(1, subscriptionId).getResultList();
        int disabled = entityManager.createNativeQuery("""
                UPDATE webhook_subscription
                SET disabled_at = ?2, disabled_reason = ?3, version = version + 1, updated_at = ?2
                WHERE id = ?1 AND disabled_at IS NULL""").setParameter(1, subscriptionId)
                .setParameter(2, now).setParameter(3, reason.name()).executeUpdate();
        if (disabled == 0) {
            return;
        }
        deliveries.giveUpPending(subscriptionId);
        outbox.record(ChorusEventTypes.WEBHOOK_SUBSCRIPTION_DISABLED, subscriptionId,
                new WebhookSubscriptionData(subscriptionId, organisationId, reason.name(), consecutiveFailures, now));
        audit.record("webhook.disabled", "webhook", subscriptionId, Map.of("reason", reason.name(),
                "consecutiveFailures", Integer.toString(consecutiveFailures)));
    }
}
