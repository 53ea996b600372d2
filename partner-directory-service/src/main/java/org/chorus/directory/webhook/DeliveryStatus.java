package org.chorus.directory.webhook;

/** Where a delivery stands. */
public enum DeliveryStatus {
    /** Waiting for its first or next attempt (or for an earlier delivery of its subscription). */
    PENDING,
    /** The receiver answered 2xx. */
    DELIVERED,
    /** Failed for longer than the retry period, or its subscription was disabled; can be redelivered by hand. */
    GIVEN_UP
}
