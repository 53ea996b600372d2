package org.chorus.platform.worker;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;

import org.chorus.platform.background.BackgroundLoopsLiveness;
import org.chorus.platform.background.DaemonLoop;
import org.chorus.platform.testing.CapturedLog;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * When the worker behind the outbox relay and the tally folder works: at once after a full round, when woken, and
 * after the retry pause when a round fails; never waiting out the poll interval for any of these, which is an hour
 * here so that a test passing in seconds proves it.
 */
class RoundsWorkerTest {

    private static final Duration AN_HOUR = Duration.ofHours(1);
    private static final Logger LOG = Logger.getLogger(RoundsWorkerTest.class);

    private RoundsWorker worker;

    @AfterEach
    void stop() throws InterruptedException {
        worker.stop();
    }

    @Test
    void aRoundThatFoundAFullBatchIsFollowedAtOnce() throws InterruptedException {
        AtomicInteger rounds = new AtomicInteger();
        CountDownLatch fourRounds = new CountDownLatch(4);
        worker = start(AN_HOUR, () -> {
            fourRounds.countDown();
            return rounds.incrementAndGet() < 4;
        });
        assertTrue(fourRounds.await(10, TimeUnit.SECONDS), "rounds so far: " + rounds);
    }

    @Test
    void wakingStartsTheNextRoundNow() throws InterruptedException {
        CountDownLatch first = new CountDownLatch(1);
        CountDownLatch second = new CountDownLatch(2);
        worker = start(AN_HOUR, () -> {
            first.countDown();
            second.countDown();
            return false;
        });
        assertTrue(first.await(10, TimeUnit.SECONDS), "the first round runs on start");
        worker.wake();
        assertTrue(second.await(10, TimeUnit.SECONDS), "woken, the worker does not wait out its poll interval");
    }

    @Test
    void aFailingRoundIsTriedAgainAfterThePauseUntilItWorks() throws InterruptedException {
        AtomicInteger rounds = new AtomicInteger();
        CountDownLatch worked = new CountDownLatch(1);
        worker = start(AN_HOUR, () -> {
            if (rounds.incrementAndGet() <= 3) {
                throw new IllegalStateException("broker unreachable");
            }
            worked.countDown();
            return false;
        });
        assertTrue(worked.await(10, TimeUnit.SECONDS), "rounds so far: " + rounds);
        assertEquals(4, rounds.get(), "three failures, then the round that worked, then the poll interval");
    }

    @Test
    void aRoundEndedByAnErrorIsLoggedAndTheServiceIsNoLongerLiveUntilItRestarts() throws InterruptedException {
        StackOverflowError error = new StackOverflowError("a deeply nested event");
        AtomicInteger rounds = new AtomicInteger();
        try (CapturedLog log = CapturedLog.of(DaemonLoop.class)) {
            worker = start(AN_HOUR, () -> {
                rounds.incrementAndGet();
                throw error;
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> log.records().size() == 1);
            assertEquals(Level.SEVERE, log.records().get(0).getLevel());
            assertSame(error, log.records().get(0).getThrown());
        }
        assertEquals(1, rounds.get(), "an Error is not retried as an exception is");
        assertEquals(List.of("rounds-worker-test"), DaemonLoop.stoppedByErrors());
        HealthCheckResponse liveness = new BackgroundLoopsLiveness().call();
        assertEquals(HealthCheckResponse.Status.DOWN, liveness.getStatus());
        assertEquals("rounds-worker-test", liveness.getData().orElseThrow().get("stoppedByAnError"));

        worker.stop();
        assertEquals(HealthCheckResponse.Status.UP, new BackgroundLoopsLiveness().call().getStatus(),
                "a loop stopped on purpose is not a loop an error stopped");
    }

    @Test
    void aWorkerRunningOrStoppedOnPurposeLeavesTheServiceLive() throws InterruptedException {
        CountDownLatch ran = new CountDownLatch(1);
        worker = start(AN_HOUR, () -> {
            ran.countDown();
            return false;
        });
        assertTrue(ran.await(10, TimeUnit.SECONDS));
        assertEquals(HealthCheckResponse.Status.UP, new BackgroundLoopsLiveness().call().getStatus());
    }

    @Test
    void wakeUpsWithinTheSpacingAreServedByOneRound() throws InterruptedException {
        AtomicInteger rounds = new AtomicInteger();
        CountDownLatch first = new CountDownLatch(1);
        CountDownLatch second = new CountDownLatch(2);
        worker = new RoundsWorker("rounds-worker-test", AN_HOUR, Duration.ofSeconds(1), Duration.ofMillis(10), LOG,
                () -> {
                    rounds.incrementAndGet();
                    first.countDown();
                    second.countDown();
                    return false;
                });
        worker.start();
        assertTrue(first.await(10, TimeUnit.SECONDS), "the first round runs on start");
        for (int commit = 0; commit < 10; commit++) {
            worker.wake();
        }
        assertTrue(second.await(10, TimeUnit.SECONDS), "woken, the worker starts a round within its spacing");
        await("no round for wake-ups the second round served").during(Duration.ofMillis(1500))
                .atMost(Duration.ofSeconds(5)).until(rounds::get, n -> n == 2);
    }

    private static RoundsWorker start(Duration pollInterval, RoundsWorker.Round round) {
        RoundsWorker worker = new RoundsWorker("rounds-worker-test", pollInterval, Duration.ofMillis(10), LOG, round);
        worker.start();
        return worker;
    }
}
