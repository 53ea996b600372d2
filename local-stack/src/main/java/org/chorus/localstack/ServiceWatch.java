package org.chorus.localstack;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Restarts a service, the broker or PostgreSQL of `./chorus up` that ended without being asked to, or a service whose
 * liveness check says DOWN, as an orchestrator would: with nothing watching, a crashed part stayed down, and a
 * service whose background loop an error stopped went on answering while its events no longer flowed, until someone
 * noticed and restarted the stack.
 *
 * <p>Each part is watched on its own: its process every round, its liveness every {@link Timing#livenessEvery}.
 * A crash is restarted after a pause; {@link Timing#downAnswersBeforeRestart} DOWN answers in a row are too (the
 * replica keeps serving meanwhile: its reads and writes still work). A liveness probe that gets no answer is not a
 * reason: a busy JVM may be slow to answer, and killing it would fail the requests it is serving. The pause doubles
 * with each restart, up to {@link Timing#longestPause}, so a service that cannot start (its database gone) is tried
 * again without a storm of processes, and starts over once a restarted replica has run for {@link Timing#settled}.
 * What is stopped on purpose (`./chorus down`, a test's stop) is left alone.
 */
final class ServiceWatch {

    /** Why a part that should run has no process: a restart that failed, tried again like a crash. */
    static final String NO_PROCESS = "had no process after a restart that failed";

    /**
     * What the watch needs of a part: a replica ({@link ServiceProcess}), the broker ({@link StackBroker}) or
     * PostgreSQL ({@link StackDatabase}).
     */
    interface Watched {

        String name();

        /** The current process's id: a new one means someone started it anew. */
        long pid();

        /** Started and not stopped on purpose since. */
        boolean wanted();

        /** How it ended, if it ended while wanted ("exited with code 137"), or why no process runs. */
        Optional<String> ended();

        /** Whether it is ready to serve: the first answer the watch waits for after a start. */
        HealthProbe.Answer ready() throws InterruptedException;

        /** Whether it still works, once started: a DOWN answer means it needs a restart. */
        HealthProbe.Answer live() throws InterruptedException;

        /** Stops it if it runs and starts it again; false if it was stopped on purpose meanwhile. */
        boolean restart() throws IOException, InterruptedException;
    }

    /**
     * The watch's clock settings.
     *
     * @param round how often each replica is looked at
     * @param livenessEvery how often a running replica's liveness is asked
     * @param downAnswersBeforeRestart how many DOWN answers in a row restart it
     * @param firstPause the pause before the first restart, doubled for each further one
     * @param longestPause the longest pause
     * @param settled how long a restarted replica runs before the pause starts over
     * @param readyTimeout how long a restarted replica may take to be ready before it is restarted again
     */
    record Timing(Duration round, Duration livenessEvery, int downAnswersBeforeRestart, Duration firstPause,
            Duration longestPause, Duration settled, Duration readyTimeout) {

        static Timing of(Duration readyTimeout) {
            return new Timing(Duration.ofSeconds(1), Duration.ofSeconds(5), 3, Duration.ofSeconds(1),
                    Duration.ofMinutes(1), Duration.ofMinutes(10), readyTimeout);
        }
    }

    private final List<ReplicaWatch> replicas;
    private final Timing timing;
    private final RestartJournal journal;
    private final LongSupplier nanoTime;
    private final RepeatingTask task;

    ServiceWatch(List<? extends Watched> replicas, Timing timing, RestartJournal journal, LongSupplier nanoTime) {
        this.timing = timing;
        this.journal = journal;
        this.nanoTime = nanoTime;
        this.replicas = replicas.stream().map(ReplicaWatch::new).toList();
        this.task = new RepeatingTask("chorus-service-watch", timing.round(), this::round);
    }

    /** Watches on a thread of its own until {@link #stop()}. */
    void start() {
        task.start();
    }

    /** Ends the watch and waits for a restart it is in the middle of, so that nothing is started after it returns. */
    void stop() {
        task.stop();
    }

    /** Looks at every replica once. */
    void round() throws InterruptedException {
        for (ReplicaWatch replica : replicas) {
            if (task.stopping()) {
                return;
            }
            replica.look(nanoTime.getAsLong());
        }
    }

    /** Where a replica stands: running and watched, waiting out the pause before a restart, or starting. */
    private enum Stage { WATCHING, PAUSING, STARTING }

    /** The watch of one replica. */
    private final class ReplicaWatch {

        private final Watched replica;
        private Stage stage = Stage.WATCHING;
        private int downAnswers;
        private long nextLivenessProbe;
        private long restartAt;
        private long startedAt;
        private long readyAt;
        private int restarts;
        private boolean silenceReported;
        /** The process last seen ready; another one was started anew and is waited for as one the watch started. */
        private long readyPid;

        ReplicaWatch(Watched replica) {
            this.replica = replica;
            this.readyPid = replica.pid();
            // nanoTime may be negative: compared with it, never with zero
            this.nextLivenessProbe = nanoTime.getAsLong();
        }

        void look(long now) throws InterruptedException {
            stage = switch (stage) {
                case WATCHING -> watch(now);
                case PAUSING -> now - restartAt >= 0 ? restart(now) : Stage.PAUSING;
                case STARTING -> awaitReady(now);
            };
        }

        private Stage watch(long now) throws InterruptedException {
            Optional<String> ended = replica.ended();
            if (ended.isPresent()) {
                return pause(now, ended.get());
            }
            if (!replica.wanted()) {
                return Stage.WATCHING;
            }
            if (replica.pid() != readyPid) {
                startedAt = now;
                return Stage.STARTING;
            }
            if (now - nextLivenessProbe < 0) {
                return Stage.WATCHING;
            }
            nextLivenessProbe = now + timing.livenessEvery().toNanos();
            HealthProbe.Answer live = replica.live();
            if (!live.answered()) {
                if (!silenceReported) {
                    Log.warn(replica.name() + " did not answer its liveness probe (" + live + "); not restarted for "
                            + "that, as a busy service may be slow to answer");
                    silenceReported = true;
                }
                return Stage.WATCHING;
            }
            silenceReported = false;
            downAnswers = live.ok() ? 0 : downAnswers + 1;
            if (downAnswers < timing.downAnswersBeforeRestart()) {
                return Stage.WATCHING;
            }
            return pause(now, "answered its liveness probe with " + live + " " + downAnswers
                    + " times in a row (its log names the background loop an error stopped)");
        }

        private Stage awaitReady(long now) throws InterruptedException {
            Optional<String> ended = replica.ended();
            if (ended.isPresent()) {
                return pause(now, ended.get() + " while starting");
            }
            if (!replica.wanted()) {
                return Stage.WATCHING;
            }
            long pid = replica.pid();
            if (replica.ready().ok()) {
                if (restarts > 0) {
                    Log.info(replica.name() + " is ready again");
                }
                readyPid = pid;
                readyAt = now;
                nextLivenessProbe = now + timing.livenessEvery().toNanos();
                return Stage.WATCHING;
            }
            if (now - startedAt > timing.readyTimeout().toNanos()) {
                return pause(now, "was not ready " + timing.readyTimeout().toSeconds() + " s after it started");
            }
            return Stage.STARTING;
        }

        /** Says why it will be restarted, and when. */
        private Stage pause(long now, String why) {
            downAnswers = 0;
            if (restarts > 0 && stage == Stage.WATCHING && now - readyAt >= timing.settled().toNanos()) {
                restarts = 0;
            }
            Duration pause = pauseBefore(restarts);
            restarts++;
            restartAt = now + pause.toNanos();
            journal.record(replica.name(), why);
            Log.warn(replica.name() + " " + why + "; restarting it in " + pause.toMillis() + " ms (restart "
                    + restarts + ")");
            return Stage.PAUSING;
        }

        private Duration pauseBefore(int earlierRestarts) {
            Duration pause = timing.firstPause();
            for (int i = 0; i < earlierRestarts && pause.compareTo(timing.longestPause()) < 0; i++) {
                pause = pause.multipliedBy(2);
            }
            return pause.compareTo(timing.longestPause()) < 0 ? pause : timing.longestPause();
        }

        private Stage restart(long now) throws InterruptedException {
            try {
                if (!replica.restart()) {
                    return Stage.WATCHING;
                }
                startedAt = now;
                return Stage.STARTING;
            } catch (IOException | RuntimeException e) {
                return pause(now, "could not be started (" + e.getMessage() + ")");
            }
        }
    }
}
