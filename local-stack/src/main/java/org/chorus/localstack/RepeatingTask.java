package org.chorus.localstack;

import java.time.Duration;

/**
 * A daemon thread of the supervisor's that does one step, pauses, and again, until stopped: the service watch and
 * the answering of the script's requests. Stopping interrupts a step under way and waits for it, so that nothing the
 * step would start happens after {@link #stop()} returns.
 */
final class RepeatingTask {

    /** One step; an interruption ends the task. */
    interface Step {
        void run() throws Exception;
    }

    private final String name;
    private final Duration pause;
    private final Step step;
    private volatile boolean stopping;
    private Thread thread;

    RepeatingTask(String name, Duration pause, Step step) {
        this.name = name;
        this.pause = pause;
        this.step = step;
    }

    synchronized void start() {
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Whether it has been told to stop: a long step looks, so as to end early. */
    boolean stopping() {
        return stopping;
    }

    void stop() {
        stopping = true;
        Thread running;
        synchronized (this) {
            running = thread;
        }
        if (running == null) {
            return;
        }
        running.interrupt();
        try {
            running.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        while (!stopping) {
            try {
                step.run();
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                // A step that failed once may do next time (a file busy, a probe refused); the task goes on.
                Log.warn(name + "'s step failed, and it goes on: " + e);
            }
        }
    }
}
