package org.chorus.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The supervisor's watch restarts what crashed or keeps saying DOWN, after a pause that doubles and starts over once
 * a replica has settled, and leaves alone what was stopped on purpose or is only slow to answer. Time is the test's
 * own clock, moved a round at a time.
 */
class ServiceWatchTest {

    private static final Duration ROUND = Duration.ofSeconds(1);
    private static final ServiceWatch.Timing TIMING = new ServiceWatch.Timing(ROUND, Duration.ofSeconds(5), 3,
            Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofMinutes(10), Duration.ofSeconds(30));

    private long now;
    private RestartJournal journal;
    @RegisterExtension
    final SupervisorLog log = new SupervisorLog();

    @BeforeEach
    void journalIn(@TempDir Path run) {
        journal = new RestartJournal(run.resolve("restarts.properties"), Clock.systemDefaultZone());
    }

    private String supervisorLog() {
        return log.text();
    }

    @Test
    void aCrashedReplicaIsStartedAgainAfterTheFirstPauseAndWatchedOnceReady() throws Exception {
        StandIn replica = new StandIn();
        ServiceWatch watch = watching(replica);
        runFor(watch, Duration.ofSeconds(10));
        replica.crash(137);
        watch.round();
        assertEquals(0, replica.restarts, "nothing before the pause is over");
        runFor(watch, Duration.ofSeconds(1));
        assertEquals(1, replica.restarts);
        runFor(watch, Duration.ofMinutes(5));
        assertEquals(1, replica.restarts, "a ready and live replica is restarted once only");
        assertTrue(replica.livenessAsked > 1, "and its liveness is asked again once it is ready");
        assertTrue(supervisorLog().contains("stand-in-service exited with code 137; restarting it in 1000 ms"),
                supervisorLog());
        assertTrue(supervisorLog().contains("stand-in-service is ready again"), supervisorLog());
        assertTrue(journal.summary("stand-in-service").orElseThrow()
                .matches("restarted once, the last at [0-9:]{8}: exited with code 137"));
    }

    @Test
    void aReplicaThatKeepsCrashingWaitsTwiceAsLongEachTimeUpToTheLongestPause() throws Exception {
        StandIn replica = new StandIn();
        replica.crashesOnStart = true;
        ServiceWatch watch = watching(replica);
        replica.crash(1);
        List<Long> restartTimes = new ArrayList<>();
        for (int round = 0; round < 60; round++) {
            int before = replica.restarts;
            watch.round();
            if (replica.restarts > before) {
                restartTimes.add(Duration.ofNanos(now).toSeconds());
            }
            now += ROUND.toNanos();
        }
        // A crash at 0 s, then pauses of 1, 2, 4, 8, 8 ... s, each counted from the round that saw the crash.
        assertEquals(List.of(1L, 4L, 9L, 18L, 27L, 36L, 45L, 54L), restartTimes);
    }

    @Test
    void thePauseStartsOverOnceARestartedReplicaHasRunForTheSettledTime() throws Exception {
        StandIn replica = new StandIn();
        ServiceWatch watch = watching(replica);
        for (int crash = 0; crash < 4; crash++) {
            replica.crash(1);
            runFor(watch, Duration.ofSeconds(30));
        }
        assertEquals(4, replica.restarts);
        // From each crash to its restart: the round that sees it, then a pause of 1, 2, 4 and 8 s.
        assertEquals(List.of(2_000L, 3_000L, 5_000L, 9_000L), replica.pausesMillis);
        runFor(watch, Duration.ofMinutes(10));
        replica.crash(1);
        runFor(watch, Duration.ofSeconds(30));
        assertEquals(2_000L, replica.pausesMillis.get(4));
    }

    @Test
    void threeDownAnswersInARowRestartTheReplicaButTwoAndThenLiveDoNot() throws Exception {
        StandIn replica = new StandIn();
        ServiceWatch watch = watching(replica);
        replica.live = 503;
        runFor(watch, Duration.ofSeconds(10));
        assertEquals(2, replica.livenessAsked);
        replica.live = 200;
        runFor(watch, Duration.ofSeconds(30));
        assertEquals(0, replica.restarts, "two DOWN answers, then UP: left running");

        replica.live = 503;
        runFor(watch, Duration.ofSeconds(11));
        assertEquals(0, replica.restarts, "the third DOWN answer starts the pause; the replica serves meanwhile");
        runFor(watch, Duration.ofSeconds(1));
        assertEquals(1, replica.restarts);
        assertEquals(1, replica.stoppedRunning, "the DOWN replica was stopped before the new one started");
        assertTrue(supervisorLog().contains("stand-in-service answered its liveness probe with 503 3 times in a row"),
                supervisorLog());
    }

    @Test
    void aReplicaThatDoesNotAnswerItsLivenessProbeIsNotRestartedForThat() throws Exception {
        StandIn replica = new StandIn();
        replica.live = 0;
        ServiceWatch watch = watching(replica);
        runFor(watch, Duration.ofMinutes(5));
        assertTrue(replica.livenessAsked >= 59);
        assertEquals(0, replica.restarts);
        assertEquals(1, supervisorLog().split("did not answer its liveness probe", -1).length - 1,
                "said once, not every five seconds: " + supervisorLog());
    }

    @Test
    void aReplicaStoppedOnPurposeIsLeftAloneEvenWhenStoppedDuringThePause() throws Exception {
        StandIn stopped = new StandIn();
        stopped.stopOnPurpose();
        StandIn stoppedWhilePausing = new StandIn();
        ServiceWatch watch = watching(stopped, stoppedWhilePausing);
        stoppedWhilePausing.crash(137);
        watch.round();
        stoppedWhilePausing.stopOnPurpose();
        runFor(watch, Duration.ofMinutes(2));
        assertEquals(0, stopped.restarts + stopped.livenessAsked);
        assertEquals(0, stoppedWhilePausing.restarts);
        assertEquals(Optional.empty(), journal.summary(stopped.name() + "-never-restarted"));
    }

    @Test
    void aReplicaStartedAgainByAnotherIsWaitedForUntilReadyAndThenWatched() throws Exception {
        StandIn replica = new StandIn();
        ServiceWatch watch = watching(replica);
        replica.stopOnPurpose();
        runFor(watch, Duration.ofSeconds(20));
        replica.startElsewhere();
        replica.live = 0;
        replica.ready = 503;
        runFor(watch, Duration.ofSeconds(20));
        assertEquals(0, replica.livenessAsked, "not asked while it starts");
        replica.live = 200;
        replica.ready = 200;
        runFor(watch, Duration.ofSeconds(20));
        assertEquals(0, replica.restarts);
        assertTrue(replica.livenessAsked >= 3, "watched once ready");
        assertEquals("", supervisorLog(), "nothing to say of a start the watch did not make");
    }

    @Test
    void aRestartedReplicaThatIsNotReadyInTimeIsRestartedAgain() throws Exception {
        StandIn replica = new StandIn();
        replica.ready = 503;
        ServiceWatch watch = watching(replica);
        replica.crash(137);
        watch.round();
        runFor(watch, Duration.ofSeconds(1));
        assertEquals(1, replica.restarts);
        runFor(watch, Duration.ofSeconds(30));
        assertEquals(1, replica.restarts, "still within the ready timeout");
        runFor(watch, Duration.ofSeconds(4));
        assertEquals(2, replica.restarts);
        replica.ready = 200;
        runFor(watch, Duration.ofMinutes(2));
        assertEquals(2, replica.restarts);
    }

    private ServiceWatch watching(StandIn... replicas) {
        return new ServiceWatch(List.of(replicas), TIMING, journal, () -> now);
    }

    /** Rounds one second apart, as the watch's thread runs them, for as long as given. */
    private void runFor(ServiceWatch watch, Duration time) throws InterruptedException {
        long end = now + time.toNanos();
        while (now < end) {
            now += ROUND.toNanos();
            watch.round();
        }
    }

    /** A replica whose process and probes the test sets. */
    private final class StandIn implements ServiceWatch.Watched {

        private long pid = 1;
        private boolean wanted = true;
        private boolean alive = true;
        private int exitCode;
        private int live = 200;
        private int ready = 200;
        private boolean crashesOnStart;
        private int restarts;
        private int stoppedRunning;
        private int livenessAsked;
        private long crashedAt;
        private final List<Long> pausesMillis = new ArrayList<>();

        void crash(int code) {
            alive = false;
            exitCode = code;
            crashedAt = now;
        }

        void stopOnPurpose() {
            wanted = false;
            alive = false;
        }

        /** Started again by the stack's own caller (a test, `./chorus` itself), not by the watch. */
        void startElsewhere() {
            wanted = true;
            alive = true;
            pid++;
        }

        @Override
        public String name() {
            return "stand-in-service";
        }

        @Override
        public long pid() {
            return pid;
        }

        @Override
        public boolean wanted() {
            return wanted;
        }

        @Override
        public Optional<String> ended() {
            return wanted && !alive ? Optional.of("exited with code " + exitCode) : Optional.empty();
        }

        @Override
        public HealthProbe.Answer ready() {
            return answer(ready);
        }

        @Override
        public HealthProbe.Answer live() {
            livenessAsked++;
            return answer(live);
        }

        private static HealthProbe.Answer answer(int status) {
            return status == 0 ? HealthProbe.Answer.none("HttpTimeoutException") : HealthProbe.Answer.of(status);
        }

        @Override
        public boolean restart() {
            if (!wanted) {
                return false;
            }
            if (alive) {
                stoppedRunning++;
            } else {
                pausesMillis.add(Duration.ofNanos(now - crashedAt).toMillis());
            }
            restarts++;
            pid++;
            alive = !crashesOnStart;
            if (crashesOnStart) {
                crashedAt = now;
            }
            return true;
        }
    }
}
