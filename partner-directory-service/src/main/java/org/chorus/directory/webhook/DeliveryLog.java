package org.chorus.directory.webhook;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.chorus.platform.audit.AuditTrail;
import org.chorus.platform.time.StoredTime;
import org.chorus.platform.transaction.AfterCommit;
import org.chorus.platform.web.caller.Caller;
import org.chorus.platform.web.paging.Cursor;
import org.chorus.platform.web.paging.Page;
import org.chorus.platform.web.problem.ProblemException;

/** What a subscription's owner sees of its deliveries, and redelivering one by hand. */
@ApplicationScoped
public class DeliveryLog {

    private final WebhookService webhooks;
    private final DeliveryStore deliveries;
    private final WebhookSender sender;
    private final TransactionSynchronizationRegistry transactions;
    private final AuditTrail audit;

    public DeliveryLog(WebhookService webhooks, DeliveryStore deliveries, WebhookSender sender,
            TransactionSynchronizationRegistry transactions, AuditTrail audit) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.sender = sender;
        this.transactions = transactions;
        this.audit = audit;
    }

    @Transactional
    public Page<WebhookDelivery> list(Caller caller, UUID subscriptionId, int limit, String cursor) {
        webhooks.owned(caller, subscriptionId, false);
        Cursor after = Cursor.decode(cursor);
        List<DeliveryStore.Logged> fetched = deliveries.log(subscriptionId,
                after == null ? null : after.number(), limit + 1);
        return Page.of(fetched, limit, d -> new Cursor(Long.toString(d.seq()), d.delivery().id()).encode())
                .map(DeliveryStore.Logged::delivery);
    }

    /** Queues the delivery again at the back of its subscription's queue; the webhook-id stays the event's id. */
    @Transactional
    public void redeliver(Caller caller, UUID subscriptionId, UUID deliveryId) {
        WebhookSubscriptionEntity subscription = webhooks.owned(caller, subscriptionId, true);
        if (subscription.disabledAt != null) {
            throw ProblemException.conflict("Webhook subscription " + subscriptionId + " was disabled ("
                    + subscription.disabledReason + "); nothing more is sent to it");
        }
        if (!deliveries.redeliver(subscriptionId, deliveryId, StoredTime.now())) {
            throw ProblemException.notFound("Delivery", deliveryId);
        }
        audit.record("webhook.redelivered", "webhook", subscriptionId, Map.of("deliveryId", deliveryId.toString()));
        AfterCommit.run(transactions, sender::wake);
    }
}
