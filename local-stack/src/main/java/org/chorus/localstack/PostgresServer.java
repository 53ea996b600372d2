package org.chorus.localstack;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Real PostgreSQL from the zonky binaries, with a data directory that outlives it, holding one database per service
 * owned by the role the services log in as.
 */
final class PostgresServer implements AutoCloseable {

    static final String ROLE = "chorus";

    private final EmbeddedPostgres postgres;
    private final StackHome home;

    static {
        // zonky narrates every step at INFO, and logs at ERROR, with a trace, the failed pg_ctl stop of a postmaster
        // that had already ended, before the watch starts a new one; close() itself says whether a live one stopped.
        // PostgreSQL's own log is in postgres.log.
        System.getProperties().putIfAbsent("org.slf4j.simpleLogger.log.io.zonky", "off");
    }

    private PostgresServer(EmbeddedPostgres postgres, StackHome home) {
        this.postgres = postgres;
        this.home = home;
    }

    static PostgresServer start(StackHome home, int port, boolean durable, String rolePassword)
            throws IOException, SQLException {
        Redirect log = Redirect.appendTo(home.log("postgres").toFile());
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(home.postgresData())
                .setCleanDataDirectory(false)
                // The stack stops PostgreSQL itself, after the services that use it.
                .setRegisterShutdownHook(false)
                .setPort(port)
                .setServerConfig("listen_addresses", "127.0.0.1")
                // zonky starts PostgreSQL with fsync and synchronous_commit off; data meant to survive a crash
                // needs both on, or a commit already answered may be lost.
                .setServerConfig("fsync", durable ? "on" : "off")
                .setServerConfig("synchronous_commit", durable ? "on" : "off")
                .setServerConfig("max_connections", "200")
                // Counts statements per database, so that a benchmark can say how many a response costs.
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setPGStartupWait(Duration.ofSeconds(60))
                .setOutputRedirector(log)
                .setErrorRedirector(log)
                .start();
        PostgresServer server = new PostgresServer(postgres, home);
        try {
            server.createRoleAndDatabases(rolePassword);
        } catch (SQLException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** The postmaster's pid, from PostgreSQL's own pid file. */
    long pid() {
        return Leftovers.postmaster(home).map(ProcessHandle::pid).orElse(-1L);
    }

    int port() {
        return postgres.getPort();
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    private void createRoleAndDatabases(String rolePassword) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            // The password is generated base62, so it is safe inside a literal; ALTER keeps it in step with the file.
            String verb = exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", ROLE) ? "ALTER" : "CREATE";
            statement.execute(verb + " ROLE " + ROLE + " WITH LOGIN PASSWORD '" + rolePassword + "'");
            // In the postgres database only: its view reports every database's statements.
            statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            for (ChorusService service : ChorusService.values()) {
                String database = service.database().orElse(null);
                if (database != null && !exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
                    statement.execute("CREATE DATABASE " + database + " OWNER " + ROLE);
                    Log.info("created database " + database);
                }
            }
        }
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet result = statement.executeQuery()) {
                return result.next();
            }
        }
    }

    @Override
    public void close() {
        Optional<ProcessHandle> postmaster = Leftovers.postmaster(home);
        try {
            postgres.close();
            // pg_ctl gives up waiting after 5 s while a large checkpoint may still be running; wait for the real end.
            postmaster.filter(p -> !ChildProcess.awaitExit(p, Duration.ofSeconds(120))).ifPresent(p -> Log.warn(
                    "PostgreSQL (pid " + p.pid() + ") has not stopped after 2 min; see " + home.log("postgres")));
        } catch (IOException | RuntimeException e) {
            Log.warn("PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }
}
