package org.chorus.platform.worker;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.chorus.platform.background.DaemonLoop;
import org.jboss.logging.Logger;

/**
 * A daemon thread that works in rounds (publish a batch, count a batch): straight on while a round finds a full
 * batch, otherwise until woken (by a commit that made new work) or until the poll interval passes (for work other
 * replicas made). A failing round is retried after a pause, logged once when it starts failing and once when it
 * recovers, so that an outage neither spins nor floods the log.
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
    private final Round round;
    private final Logger log;
    private final Semaphore wakeUp = new Semaphore(0);
    private final DaemonLoop daemon;

    /** @param name the thread's name, also used in the two log lines about failing and recovering */
    public RoundsWorker(String name, Duration pollInterval, Duration retryBackoff, Logger log, Round round) {
        this.name = name;
        this.pollInterval = pollInterval;
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
        daemon.stop(this::wake);
    }

    /** Starts the next round now rather than at the next poll. */
    public void wake() {
        wakeUp.release();
    }

    private void run() {
        while (daemon.running()) {
            try {
                boolean more = round.run();
                if (daemon.recovers()) {
                    log.infof("%s: working again", name);
                }
                if (!more) {
                    await(pollInterval);
                }
            } catch (RuntimeException e) {
                if (daemon.startsFailing()) {
                    log.warnf("%s: cannot work yet, will retry every %s: %s", name, retryBackoff, e.getMessage());
                }
                await(retryBackoff);
            }
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
