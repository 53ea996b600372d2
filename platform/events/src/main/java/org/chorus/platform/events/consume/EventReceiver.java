package org.chorus.platform.events.consume;

import org.chorus.platform.events.ChorusEvent;

/**
 * Applies one event whose data has already been read as its type's data class.
 *
 * @param <T> the data class of the event types it receives
 */
@FunctionalInterface
public interface EventReceiver<T> {

    /** Throws for an event it cannot apply; what happens then is the consumer's policy (dead letter, or skip). */
    void receive(T data, ChorusEvent event);
}
