package org.chorus.platform.time;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The clock every service reads for the times it stores: to the microsecond, as PostgreSQL keeps them. The JVM's
 * clock gives nanoseconds, which PostgreSQL rounds away, so a time a service both stores and answers with (a
 * receipt's submittedAt, a record's updatedAt, an event's submittedAt) would differ from what the next read returns,
 * and a partner comparing the two would see a change that never happened.
 */
public final class StoredTime {

    private StoredTime() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
