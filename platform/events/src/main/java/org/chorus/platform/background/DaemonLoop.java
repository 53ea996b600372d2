package org.chorus.platform.background;

import java.util.concurrent.TimeUnit;

/**
 * The thread under each background loop of the platform (reading events, relaying the outbox, folding tallies):
 * a named daemon that repeats its work until stopped, and remembers whether the work is failing, so that an outage
 * is logged once when it starts and once when it ends rather than on every retry.
 */
public final class DaemonLoop {

    private final String name;
    private volatile boolean running;
    private boolean failing;
    private Thread thread;

    /** @param name the thread's name */
    public DaemonLoop(String name) {
        this.name = name;
    }

    /** Starts a daemon thread that runs {@code loop}, which repeats its work for as long as {@link #running()}. */
    public synchronized void start(Runnable loop) {
        running = true;
        thread = new Thread(loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Asks the loop to end, runs {@code interruptWait} to cut short what the loop may be waiting on, and waits up
     * to ten seconds for the work in hand to finish.
     */
    public synchronized void stop(Runnable interruptWait) throws InterruptedException {
        running = false;
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
