package org.chorus.platform.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

class StoredTimeTest {

    @Test
    void readsTheClockToTheMicrosecondNeverAheadOfIt() {
        for (int i = 0; i < 1_000; i++) {
            Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);
            Instant stored = StoredTime.now();
            Instant after = Instant.now();
            assertEquals(0, stored.getNano() % 1_000, "whole microseconds, as PostgreSQL keeps them: " + stored);
            assertFalse(stored.isBefore(before), stored + " before " + before);
            assertTrue(!stored.isAfter(after), stored + " after " + after);
        }
    }
}
