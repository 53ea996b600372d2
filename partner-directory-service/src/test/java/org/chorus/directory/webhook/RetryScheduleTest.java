package org.chorus.directory.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** The retry arithmetic partners rely on: doubling, capped, jittered, and at least a day before giving up. */
class RetryScheduleTest {

    private static final Duration FIRST = Duration.ofSeconds(5);
    private static final Duration CAP = Duration.ofHours(2);
    private static final Duration GIVE_UP = Duration.ofHours(25);
    private static final Instant START = Instant.parse("2026-03-01T09:00:00Z");

    @Test
    void intervalsDoubleFromTheFirstRetryUpToTheCap() {
        RetrySchedule schedule = new RetrySchedule(FIRST, CAP, GIVE_UP, new Random(1));
        assertEquals(Duration.ofSeconds(5), schedule.interval(1));
        assertEquals(Duration.ofSeconds(10), schedule.interval(2));
        assertEquals(Duration.ofSeconds(20), schedule.interval(3));
        assertEquals(Duration.ofSeconds(5L << 10), schedule.interval(11));
        assertEquals(CAP, schedule.interval(12));
        assertEquals(CAP, schedule.interval(1000));
    }

    /** Seeded repetitions: every next attempt lies in the upper half of its interval (jitter), never beyond it. */
    @RepeatedTest(50)
    void eachRetryIsJitteredWithinTheUpperHalfOfItsInterval(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        RetrySchedule schedule = new RetrySchedule(FIRST, CAP, GIVE_UP, random);
        int failed = 1 + random.nextInt(20);
        Instant now = START.plusSeconds(random.nextInt(3600));
        Instant next = schedule.next(failed, START, now).orElseThrow();
        Duration wait = Duration.between(now, next);
        Duration full = schedule.interval(failed);
        assertTrue(wait.compareTo(full.dividedBy(2)) >= 0 && wait.compareTo(full) <= 0, wait + " of " + full);
    }

    /** Seeded repetitions: following the schedule, a delivery that always fails is retried for at least 24 hours. */
    @RepeatedTest(20)
    void aDeliveryThatKeepsFailingIsRetriedForAtLeastADayThenGivenUp(RepetitionInfo repetition) {
        RetrySchedule schedule = new RetrySchedule(FIRST, CAP, GIVE_UP, new Random(repetition.getCurrentRepetition()));
        Instant now = START;
        int failed = 0;
        Optional<Instant> next;
        Instant lastAttempt = START;
        while ((next = schedule.next(++failed, START, now)).isPresent()) {
            now = next.get();
            lastAttempt = now;
        }
        assertTrue(Duration.between(START, lastAttempt).compareTo(Duration.ofHours(24)) >= 0,
                "last attempt after " + Duration.between(START, lastAttempt));
        assertTrue(Duration.between(START, lastAttempt).compareTo(GIVE_UP.plus(CAP)) <= 0);
        assertTrue(failed > 15 && failed < 40, failed + " attempts");
    }

    @Test
    void theFirstFailureOfADeliveryOlderThanTheGiveUpPeriodEndsIt() {
        RetrySchedule schedule = new RetrySchedule(FIRST, CAP, GIVE_UP, new Random(7));
        assertTrue(schedule.next(3, START, START.plus(GIVE_UP)).isEmpty());
        assertTrue(schedule.next(3, START, START.plus(GIVE_UP).minusSeconds(1)).isPresent());
    }
}
