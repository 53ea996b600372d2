package org.chorus.directory.webhook;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.chorus.platform.events.ChorusEvent;
import org.chorus.platform.inbox.EventHandler;

/**
 * Forwards events of one kind of record to partners as webhooks, the same way for every kind: what partners see of
 * the record, then its link, fanned out to the subscriptions of the organisation that owns it. A subclass names its
 * events and says what partners see.
 *
 * @param <T> the data class of its events
 */
abstract class EventWebhooks<T> implements EventHandler<T> {

    private final WebhookFanOut fanOut;
    private final Function<T, UUID> owner;
    private final Function<T, String> link;

    /** For the client proxy CDI makes of an application-scoped handler only: the proxy delegates, it never receives. */
    protected EventWebhooks() {
        this(null, null, null);
    }

    /**
     * @param owner the organisation that owns the record: only its own subscriptions hear of it
     * @param link where the API serves the record, e.g. {@code /api/v1/findings/<id>}; partners are sent it under the
     *        public address ({@link WebhookConfig#publicUrl()})
     */
    protected EventWebhooks(WebhookFanOut fanOut, Function<T, UUID> owner, Function<T, String> link) {
        this.fanOut = fanOut;
        this.owner = owner;
        this.link = link;
    }

    @Override
    public void receive(T record, ChorusEvent event) {
        Map<String, Object> data = new LinkedHashMap<>();
        describe(record, data);
        data.put("link", fanOut.link(link.apply(record)));
        fanOut.fanOut(event, owner.apply(record), data);
    }

    /** Puts what partners see of the record, in the order they read it: ids, codes, counts and times, never text. */
    protected abstract void describe(T record, Map<String, Object> data);
}
