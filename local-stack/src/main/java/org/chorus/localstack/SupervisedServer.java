package org.chorus.localstack;

import java.io.IOException;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * One of the stack's own servers (the Kafka broker, PostgreSQL) and whether it should run: the supervisor's watch
 * brings back one that ended by itself, not one a caller stopped or killed.
 *
 * @param <S> the running server
 */
abstract class SupervisedServer<S> implements ServiceWatch.Watched {

    private final String name;
    private final BooleanSupplier stackClosing;
    private volatile S server;
    private volatile boolean wanted;
    /** A start is launching a server; guarded by this. */
    private boolean starting;

    SupervisedServer(String name, BooleanSupplier stackClosing) {
        this.name = name;
        this.stackClosing = stackClosing;
    }

    /** Starts a new server and waits until it is ready. */
    protected abstract S launch() throws IOException, InterruptedException;

    /** Stops it cleanly and waits for its end. */
    protected abstract void shutDown(S running);

    /** Ends it at once, as a crash would; also what is done with one that ended by itself before a restart. */
    protected abstract void abandon(S running);

    protected abstract long pidOf(S running);

    /** How it ended, if it has ("exited with code 137"); empty while it runs. */
    protected abstract Optional<String> endOf(S running);

    /** Where it listens, for the log. */
    protected abstract String address(S running);

    /**
     * Starts it, unless it runs, and waits until it is ready; one started while the stack closes is stopped. A start
     * while another is under way waits for that one rather than launching a second server on the same port.
     */
    final void start() throws IOException, InterruptedException {
        synchronized (this) {
            while (starting) {
                wait();
            }
            if (server != null) {
                return;
            }
            starting = true;
        }
        S started = null;
        try {
            started = launch();
        } finally {
            settle(started);
        }
        Log.info(name + " ready on " + address(started) + " (pid " + pidOf(started) + ")");
    }

    /** Ends a start: keeps the server it launched, if it launched one, and lets the starts waiting for it go on. */
    private synchronized void settle(S started) {
        starting = false;
        notifyAll();
        if (started == null) {
            return;
        }
        if (stackClosing.getAsBoolean()) {
            shutDown(started);
            throw new IllegalStateException("The stack is stopping");
        }
        server = started;
        wanted = true;
    }

    /** A clean shutdown; it stays down until started again. */
    final synchronized void stop() {
        wanted = false;
        if (server != null) {
            shutDown(server);
            server = null;
        }
    }

    /** SIGKILL, as a crash would; it stays down until started again. */
    final synchronized void kill() {
        wanted = false;
        if (server != null) {
            abandon(server);
            server = null;
        }
    }

    /** The running server, or null. */
    protected final S running() {
        return server;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final long pid() {
        S running = server;
        return running == null ? -1 : pidOf(running);
    }

    @Override
    public final boolean wanted() {
        return wanted;
    }

    @Override
    public final synchronized Optional<String> ended() {
        if (!wanted) {
            return Optional.empty();
        }
        return server == null ? Optional.of(ServiceWatch.NO_PROCESS) : endOf(server);
    }

    /** Not under the lock while it starts, so that a stop need not wait for the start. */
    @Override
    public final boolean restart() throws IOException, InterruptedException {
        S ended;
        synchronized (this) {
            if (!wanted || stackClosing.getAsBoolean()) {
                return false;
            }
            ended = server;
            server = null;
        }
        if (ended != null) {
            abandon(ended);
        }
        start();
        return true;
    }
}
