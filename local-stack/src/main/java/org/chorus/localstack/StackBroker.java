package org.chorus.localstack;

import java.io.IOException;
import java.util.OptionalInt;
import java.util.function.BooleanSupplier;

/**
 * The stack's Kafka broker, and whether it should run: the supervisor's watch brings back one that ended by itself,
 * not one a caller stopped. It has no health endpoint, so it is ready when it accepts connections and live while its
 * process runs.
 */
final class StackBroker implements ServiceWatch.Watched {

    private final StackHome home;
    private final StackSettings settings;
    private final BooleanSupplier stackClosing;
    private volatile KafkaBroker broker;
    private volatile boolean wanted;

    StackBroker(StackHome home, StackSettings settings, BooleanSupplier stackClosing) {
        this.home = home;
        this.settings = settings;
        this.stackClosing = stackClosing;
    }

    /** Starts it, unless it runs, and waits until it is ready; one started while the stack closes is stopped. */
    void start() throws IOException, InterruptedException {
        if (broker != null) {
            return;
        }
        KafkaBroker started = KafkaBroker.start(home, settings, stackClosing);
        synchronized (this) {
            if (stackClosing.getAsBoolean()) {
                started.close();
                throw new IllegalStateException("The stack is stopping");
            }
            broker = started;
            wanted = true;
        }
        Log.info("Kafka ready on " + started.bootstrapServers() + " (pid " + started.pid() + ")");
    }

    /** A clean shutdown (SIGTERM); producers keep their events in their outboxes meanwhile. */
    synchronized void stop() {
        wanted = false;
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    /** SIGKILL, as a crash would; its next start recovers its logs. */
    synchronized void kill() {
        wanted = false;
        if (broker != null) {
            broker.kill();
            broker = null;
        }
    }

    @Override
    public String name() {
        return KafkaBroker.NAME;
    }

    @Override
    public long pid() {
        KafkaBroker running = broker;
        return running == null ? -1 : running.pid();
    }

    @Override
    public boolean wanted() {
        return wanted;
    }

    @Override
    public synchronized OptionalInt crashed() {
        if (!wanted) {
            return OptionalInt.empty();
        }
        // No broker while wanted: a restart that failed, tried again like a crash.
        return broker == null ? OptionalInt.of(-1)
                : broker.isAlive() ? OptionalInt.empty() : OptionalInt.of(broker.exitCode());
    }

    @Override
    public HealthProbe.Answer ready() {
        KafkaBroker running = broker;
        return running != null && running.portOpen() ? HealthProbe.Answer.of(200)
                : HealthProbe.Answer.none("not listening");
    }

    @Override
    public HealthProbe.Answer live() {
        return HealthProbe.Answer.of(200);
    }

    /** Not under the lock while it starts, so that a stop need not wait for the start. */
    @Override
    public boolean restart() throws IOException, InterruptedException {
        KafkaBroker ended;
        synchronized (this) {
            if (!wanted || stackClosing.getAsBoolean()) {
                return false;
            }
            ended = broker;
            broker = null;
        }
        if (ended != null) {
            ended.kill();
        }
        start();
        return true;
    }
}
