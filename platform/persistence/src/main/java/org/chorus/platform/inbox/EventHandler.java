package org.chorus.platform.inbox;

import java.util.Set;

import org.chorus.platform.events.ChorusEvent;

/**
 * Applies events of some topics to a service's own state. Implementations are CDI beans; the {@link InboxConsumer}
 * calls them inside the transaction that also records the event id, so a redelivered event changes nothing.
 */
public interface EventHandler {

    /** The topics this handler consumes. */
    Set<String> topics();

    /**
     * Applies one event. Throwing sends the event to the topic's dead-letter topic with the reason, and
     * consumption goes on with the next event.
     */
    void handle(ChorusEvent event);
}
