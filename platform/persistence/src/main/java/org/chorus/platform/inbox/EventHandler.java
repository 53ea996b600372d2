package org.chorus.platform.inbox;

import java.util.Set;

import org.chorus.platform.events.EventType;
import org.chorus.platform.events.consume.EventReceiver;

/**
 * Applies events of some types to a service's own state. Implementations are CDI beans; the {@link InboxConsumer}
 * calls them inside the transaction that also records the event id, so a redelivered event changes nothing. Several
 * handlers may take the same type; events of types no handler takes are skipped (see EventRouting).
 *
 * @param <T> the data class of the types it handles
 */
public interface EventHandler<T> extends EventReceiver<T> {

    /** The event types it handles, all carrying data of type T. */
    Set<EventType<T>> types();
}
