package org.chorus.platform.worker;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.chorus.platform.background.DaemonLoop;
import org.jboss.logging.Logger;

/**
 * A daemon thread that works in rounds (publish a batch, count a batch): straight on while a round finds a full
 * batch, otherwise until woken (by a commit that made new work) or until the poll interval passes (for work other
 * replicas made). Rounds may be spaced: a wake-up then starts the next round no sooner than the spacing after the
 * last one started, so that under load one round takes in the work of many commits, while the first commit after a
 * quiet spell is still served at once. A failing round is retried after a pause, logged once when it starts failing
 * and once when it recovers, so that an outage neither spins nor floods the log.
 */
public final class RoundsWorker {

    /** One round of work. */
    @FunctionalInterface
    public interface Round {
        /** @return whether more work is already waiting, so the next round should start at once */
        boolean run();
    }

    private final String name;
    private final Duration pollInterval;
    private final Duration retryBackoff;
    private final long spacingNanos;
    private final Round round;
    private final Logger log;
    private final Semaphore wakeUp = new Semaphore(0);
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final DaemonLoop daemon;

    /** @param name the thread's name, also used in the two log lines about failing and recovering */
    public RoundsWorker(String name, Duration pollInterval, Duration retryBackoff, Logger log, Round round) {
        this(name, pollInterval, Duration.ZERO, retryBackoff, log, round);
    }

    /**
     * @param name the thread's name, also used in the two log lines about failing and recovering
     * @param spacing the least time from the start of one round to the start of the next, unless the first found a
     *        full batch
     */
    public RoundsWorker(String name, Duration pollInterval, Duration spacing, Duration retryBackoff, Logger log,
            Round round) {
        this.name = name;
        this.pollInterval = pollInterval;
        this.spacingNanos = spacing.toNanos();
        this.retryBackoff = retryBackoff;
        this.round = round;
        this.log = log;
        this.daemon = new DaemonLoop(name);
    }

    public void start() {
        daemon.start(this::run);
    }

    /** Lets the round in progress finish, for up to ten seconds. */
    public void stop() throws InterruptedException {
        daemon.stop(() -> {
            stopping.countDown();
            wake();
        });
    }

    /** Starts the next round now rather than at the next poll. */
    public void wake() {
        wakeUp.release();
    }

    private void run() {
        while (daemon.running()) {
            try {
                long started = System.nanoTime();
                boolean more = round.run();
                if (daemon.recovers()) {
                    log.infof("%s: working again", name);
                }
                if (!more) {
                    await(pollInterval);
                    holdOffUntil(started + spacingNanos);
                }
            } catch (RuntimeException e) {
                if (daemon.startsFailing()) {
                    log.warnf("%s: cannot work yet, will retry every %s: %s", name, retryBackoff, e.getMessage());
                }
                await(retryBackoff);
            }
        }
    }

    /**
     * Lets the commits of the next moments join the round a wake-up asked for. Wake-ups meanwhile are dropped: they
     * came from commits that the coming round sees.
     */
    private void holdOffUntil(long nanoTime) {
        long remaining = nanoTime - System.nanoTime();
        if (remaining > 0) {
            try {
                stopping.await(remaining, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                daemon.end();
            }
            wakeUp.drainPermits();
        }
    }

    private void await(Duration duration) {
        try {
            wakeUp.tryAcquire(duration.toMillis(), TimeUnit.MILLISECONDS);
            wakeUp.drainPermits();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            daemon.end();
        }
    }
}
