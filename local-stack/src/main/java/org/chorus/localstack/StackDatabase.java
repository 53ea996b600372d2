package org.chorus.localstack;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The stack's PostgreSQL. It restarts its own crashed server processes, but nothing restarted a postmaster killed
 * outright, and every service then answered 503 until the stack was restarted. The postmaster is not the supervisor's
 * child (pg_ctl starts it), so its exit code is not known; it is ready when it takes connections and live while its
 * postmaster runs.
 */
final class StackDatabase extends SupervisedServer<StackDatabase.Running> {

    static final String NAME = "postgres";

    /** A started server and its postmaster's pid, kept: the pid file may go or be rewritten by a new postmaster. */
    record Running(PostgresServer server, long postmaster) {

        boolean alive() {
            return ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false);
        }
    }

    private final StackHome home;
    private final StackSettings settings;
    private final Supplier<String> rolePassword;

    StackDatabase(StackHome home, StackSettings settings, Supplier<String> rolePassword,
            BooleanSupplier stackClosing) {
        super(NAME, stackClosing);
        this.home = home;
        this.settings = settings;
        this.rolePassword = rolePassword;
    }

    /** With the services' role and databases. */
    @Override
    protected Running launch() throws IOException {
        try {
            PostgresServer server = PostgresServer.start(home, settings.ports().postgres(), settings.durable(),
                    rolePassword.get());
            return new Running(server, server.pid());
        } catch (SQLException e) {
            throw new IOException("Could not prepare PostgreSQL: " + e.getMessage(), e);
        }
    }

    /** Once nothing is connected: PostgreSQL writes a checkpoint first. */
    @Override
    protected void shutDown(Running running) {
        running.server().close();
    }

    /**
     * Closing a server whose postmaster ended releases its hold on the data directory; the next postmaster finds the
     * old pid file stale and starts with crash recovery.
     */
    @Override
    protected void abandon(Running running) {
        ProcessHandle.of(running.postmaster()).ifPresent(ProcessHandle::destroyForcibly);
        running.server().close();
    }

    @Override
    protected long pidOf(Running running) {
        return running.postmaster();
    }

    @Override
    protected Optional<String> endOf(Running running) {
        return running.alive() ? Optional.empty()
                : Optional.of("postmaster ended (pid " + running.postmaster() + ")");
    }

    @Override
    protected String address(Running running) {
        return "127.0.0.1:" + running.server().port();
    }

    @Override
    public HealthProbe.Answer ready() {
        return ListenPorts.accepting(settings.ports().postgres(), Duration.ofSeconds(1)) ? HealthProbe.Answer.of(200)
                : HealthProbe.Answer.none("not taking connections");
    }

    @Override
    public HealthProbe.Answer live() {
        Running running = running();
        return running != null && running.alive() ? HealthProbe.Answer.of(200) : HealthProbe.Answer.of(503);
    }
}
