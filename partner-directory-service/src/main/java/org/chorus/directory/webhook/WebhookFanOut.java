package org.chorus.directory.webhook;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.chorus.platform.events.ChorusEvent;
import org.chorus.platform.time.StoredTime;
import org.chorus.platform.transaction.AfterCommit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns one Chorus event into a delivery for each active subscription of the organisation it is about, in the inbox's
 * transaction, so that an event is queued once per subscription however often Kafka delivers it. The body is made
 * here, once, so that every attempt sends (and signs) the same bytes.
 */
@ApplicationScoped
public class WebhookFanOut {

    private final WebhookSubscriptionRepository subscriptions;
    private final DeliveryStore deliveries;
    private final ObjectMapper mapper;
    private final TransactionSynchronizationRegistry transactions;
    private final WebhookSender sender;
    private final String linkBase;

    public WebhookFanOut(WebhookSubscriptionRepository subscriptions, DeliveryStore deliveries, ObjectMapper mapper,
            TransactionSynchronizationRegistry transactions, WebhookSender sender, WebhookConfig config) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.mapper = mapper;
        this.transactions = transactions;
        this.sender = sender;
        this.linkBase = config.publicUrl().map(url -> url.toString().replaceAll("/+$", "")).orElse("");
    }

    /** Where partners fetch a record: its API path, under the public address when one is configured. */
    String link(String path) {
        return linkBase + path;
    }

    /**
     * @param owner the organisation whose record the event is about: only its own subscriptions hear of it
     * @param data ids, codes, times and the link; never free text
     */
    public void fanOut(ChorusEvent event, UUID owner, Map<String, Object> data) {
        WebhookEventType type = WebhookEventType.fromEvent(event.type())
                .orElseThrow(() -> new IllegalArgumentException("no webhook for " + event.type()));
        var listening = subscriptions.listListening(owner, type);
        if (listening.isEmpty()) {
            return;
        }
        String body = body(type, event, data);
        Instant now = StoredTime.now();
        listening.forEach(subscription -> deliveries.enqueue(subscription.id, event.id(), type, body, now));
        AfterCommit.run(transactions, sender::wake);
    }

    /** The Standard Webhooks payload shape: {@code type}, {@code timestamp} (when it happened) and {@code data}. */
    private String body(WebhookEventType type, ChorusEvent event, Map<String, Object> data) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", type.partnerName());
        payload.put("timestamp", event.time().toInstant().toString());
        payload.put("data", data);
        try {
            return mapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("webhook payload of " + event.id() + " not writable", e);
        }
    }
}
