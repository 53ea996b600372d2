package org.chorus.platform.background;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

/**
 * The thread under each background loop of the platform (reading events, relaying the outbox, folding tallies):
 * a named daemon that repeats its work until stopped, and remembers whether the work is failing, so that an outage
 * is logged once when it starts and once when it ends rather than on every retry.
 */
public final class DaemonLoop {

    private static final Logger LOG = Logger.getLogger(DaemonLoop.class);
    /** The loops of this JVM that were started and not stopped on purpose, for {@link BackgroundLoopsLiveness}. */
    private static final Set<DaemonLoop> STARTED = ConcurrentHashMap.newKeySet();

    private final String name;
    private volatile boolean running;
    /** What ended the thread when its work threw rather than returned: an Error the loop does not retry after. */
    private volatile Throwable stoppedBy;
    private boolean failing;
    private Thread thread;

    /** @param name the thread's name */
    public DaemonLoop(String name) {
        this.name = name;
    }

    /** Starts a daemon thread that runs {@code loop}, which repeats its work for as long as {@link #running()}. */
    public synchronized void start(Runnable loop) {
        running = true;
        stoppedBy = null;
        thread = new Thread(loop, name);
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler((ended, error) -> stoppedBy(error));
        STARTED.add(this);
        thread.start();
    }

    /**
     * A loop retries after an exception but not after an Error, such as running out of memory or stack: the thread
     * ends. Its work waits where it was (the outbox keeps its rows, the broker its offsets) until the service restarts,
     * and the liveness check asks for that restart.
     */
    private void stoppedBy(Throwable error) {
        stoppedBy = error;
        LOG.errorf(error, "%s stopped on an error; what it has not done waits until the service restarts, and the "
                + "service's liveness check says DOWN until then", name);
    }

    /** The names of this JVM's loops that an error stopped, in order. */
    public static List<String> stoppedByErrors() {
        return STARTED.stream().filter(loop -> loop.stoppedBy != null).map(loop -> loop.name).sorted().toList();
    }

    /**
     * Asks the loop to end, runs {@code interruptWait} to cut short what the loop may be waiting on, and waits up
     * to ten seconds for the work in hand to finish.
     */
    public synchronized void stop(Runnable interruptWait) throws InterruptedException {
        running = false;
        STARTED.remove(this);
        interruptWait.run();
        if (thread != null) {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    public boolean running() {
        return running;
    }

    /** Ends the loop from within, when its thread is woken or interrupted for good. */
    public void end() {
        running = false;
    }

    /** Called by the loop's thread when its work fails: whether this failure is the first since it last worked. */
    public boolean startsFailing() {
        boolean first = !failing;
        failing = true;
        return first;
    }

    /** Called by the loop's thread when its work succeeds: whether it was failing until now. */
    public boolean recovers() {
        boolean was = failing;
        failing = false;
        return was;
    }
}
