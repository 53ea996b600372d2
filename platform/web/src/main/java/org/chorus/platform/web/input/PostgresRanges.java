package org.chorus.platform.web.input;

import java.time.Instant;
import java.time.LocalDate;

/**
 * PostgreSQL's timestamp and date ranges: Java reads times and dates far beyond them, and a query given one fails
 * with a 500, so a value from a caller is checked against them first.
 */
public final class PostgresRanges {

    /** The rule a date beyond PostgreSQL's is refused with, wherever it was written. */
    public static final String DATE_RULE = "must be a date between 4713 BC and 5874897 AD";

    private static final Instant EARLIEST_INSTANT = Instant.parse("-4713-11-24T00:00:00Z");
    private static final Instant LATEST_INSTANT = Instant.parse("+294276-12-31T23:59:59Z");
    private static final LocalDate EARLIEST_DATE = LocalDate.of(-4712, 1, 1);
    private static final LocalDate LATEST_DATE = LocalDate.of(5_874_897, 12, 31);

    private PostgresRanges() {
    }

    public static boolean holds(Instant time) {
        return !time.isBefore(EARLIEST_INSTANT) && !time.isAfter(LATEST_INSTANT);
    }

    public static boolean holds(LocalDate date) {
        return !date.isBefore(EARLIEST_DATE) && !date.isAfter(LATEST_DATE);
    }

    /**
     * The time, or PostgreSQL's nearest timestamp to it: a period's bound past them selects what the nearest does,
     * no row being outside them. (A date it holds may start after its last timestamp: 294276 AD is not 5874897.)
     */
    public static Instant nearestTimestamp(Instant time) {
        if (time.isBefore(EARLIEST_INSTANT)) {
            return EARLIEST_INSTANT;
        }
        return time.isAfter(LATEST_INSTANT) ? LATEST_INSTANT : time;
    }
}
