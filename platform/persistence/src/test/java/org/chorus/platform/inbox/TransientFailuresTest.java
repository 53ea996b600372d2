package org.chorus.platform.inbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

/** An outage must never turn good events into dead letters; a broken event must not block its partition. */
class TransientFailuresTest {

    @Test
    void anUnreachableOrOverloadedDatabaseIsTransient() {
        assertTrue(TransientFailures.isTransient(wrapped(new SQLException("Connection refused", "08001"))));
        assertTrue(TransientFailures.isTransient(wrapped(new SQLException("terminating connection", "57P01"))));
        assertTrue(TransientFailures.isTransient(wrapped(new SQLException("deadlock detected", "40P01"))));
        assertTrue(TransientFailures.isTransient(wrapped(new SQLException(
                "Acquisition timeout while waiting for new connection"))));
    }

    @Test
    void aBrokenEventIsNotTransient() {
        assertFalse(TransientFailures.isTransient(new IllegalArgumentException("unknown event type")));
        assertFalse(TransientFailures.isTransient(new UncheckedIOException("unreadable data", new java.io.IOException())));
        assertFalse(TransientFailures.isTransient(wrapped(new SQLException("null value in column", "23502"))));
    }

    private static RuntimeException wrapped(SQLException cause) {
        return new IllegalStateException("handler failed", new RuntimeException(cause));
    }
}
