package org.chorus.platform.events.consume;

import java.util.List;

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

    /**
     * Applies a poll's events for this receiver, in their order, inside the caller's one transaction: by default one
     * at a time. A receiver of a busy topic overrides it to apply them in a few statements, since each statement is a
     * round trip to the database that the whole topic waits for. Throwing undoes them all; the consumer then gives
     * them to {@link #receive} one by one to find the one that cannot be applied.
     */
    default void receiveAll(List<Received<T>> events) {
        events.forEach(received -> receive(received.data(), received.event()));
    }

    /** An event with its data read as the receiver's data class. */
    record Received<T>(T data, ChorusEvent event) {
    }
}
