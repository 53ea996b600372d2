package org.chorus.directory.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.platform.entity.LockingRepository;

/** Queries over webhook subscriptions, paged by (creation time, id) within an organisation. */
@ApplicationScoped
public class WebhookSubscriptionRepository implements LockingRepository<WebhookSubscriptionEntity> {

    public List<WebhookSubscriptionEntity> listByOrganisation(UUID organisationId, Instant afterCreated, UUID afterId,
            int limit) {
        if (afterId == null) {
            return find("organisationId = ?1 order by createdAt, id", organisationId).page(0, limit).list();
        }
        return find("organisationId = ?1 and (createdAt > ?2 or (createdAt = ?2 and id > ?3)) order by createdAt, id",
                organisationId, afterCreated, afterId).page(0, limit).list();
    }

    /**
     * The active subscriptions of an organisation that asked for this event type, held ({@code FOR KEY SHARE}) until
     * the caller's transaction ends: a subscription being disabled meanwhile ({@code FOR UPDATE}) is waited for and left
     * out, and one disabled after waits and gives up what the caller queued for it ({@link SubscriptionDisabling}). A
     * sender recording an answer ({@code FOR NO KEY UPDATE}) is not waited for.
     */
    public List<WebhookSubscriptionEntity> listListening(UUID organisationId, WebhookEventType type) {
        return getEntityManager().createNativeQuery("""
                SELECT * FROM webhook_subscription
                WHERE organisation_id = ?1 AND disabled_at IS NULL AND ?2 = ANY (event_types)
                ORDER BY created_at, id
                FOR KEY SHARE""", WebhookSubscriptionEntity.class)
                .setParameter(1, organisationId).setParameter(2, type.partnerName()).getResultList();
    }
}
