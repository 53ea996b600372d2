package org.chorus.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chorus.localstack.RunningStack;

/**
 * What PostgreSQL itself reaches inserting the rows a submission writes: {@code pgbench} on the stack's own server
 * (so the same durability), one transaction per response, into a scratch copy of the response table with the same
 * indexes and foreign key, so that the service's data stays as it was. The row copied is a real stored response of
 * typical size: its answers are exactly what the service serialised.
 */
final class PgBench implements AutoCloseable {

    static final Path EXECUTABLE = Path.of("/usr/bin/pgbench");
    static final String INSTALL_HINT = "pgbench is not installed at " + EXECUTABLE
            + "; on Debian or Ubuntu: sudo apt-get install postgresql-client";

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern FAILED = Pattern.compile("number of failed transactions: (\\d+)");
    private static final Pattern ANSWERS = Pattern.compile("'\\{.*}'::jsonb");
    /** With -M prepared pgbench takes any :name in the script for a variable (a cast's :: it skips). */
    private static final Pattern VARIABLE = Pattern.compile("(?<!:):[A-Za-z0-9_]");

    /** @param failed transactions pgbench counted as failed */
    record Result(int clients, double tps, long failed) {
    }

    private final RunningStack stack;
    private final Path script;
    private final String statement;

    private PgBench(RunningStack stack, Path script, String statement) {
        this.stack = stack;
        this.script = script;
        this.statement = statement;
    }

    static boolean available() {
        return Files.isExecutable(EXECUTABLE);
    }

    /** Creates the scratch table and the script that fills it; {@link #close()} drops the table again. */
    static PgBench prepare(RunningStack stack, String surveyId) throws SQLException, IOException {
        try (Connection connection = connect(stack); Statement ddl = connection.createStatement()) {
            ddl.execute("DROP TABLE IF EXISTS bench_response");
            // Indexes, defaults and checks, as the service's insert pays for them (response has no foreign key).
            ddl.execute("CREATE TABLE bench_response (LIKE response INCLUDING ALL)");
            String insert = typicalResponseInsert(connection, UUID.fromString(surveyId));
            if (VARIABLE.matcher(insert).find()) {
                throw new IllegalStateException("The sample response contains ':name', which pgbench would take for a "
                        + "variable: " + insert);
            }
            Path script = Files.createTempFile("gateway-bench-", ".pgbench");
            Files.writeString(script, insert + ";\n", StandardCharsets.UTF_8);
            return new PgBench(stack, script, insert);
        }
    }

    /**
     * The INSERT the service makes (same columns, fresh id and erasure token hash of the same width, now as the time),
     * with the values of the stored response whose answers are nearest the average size.
     */
    private static String typicalResponseInsert(Connection connection, UUID surveyId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT format('INSERT INTO bench_response (id, survey_id, survey_version, channel, place_code,
                                  via_organisation_id, entered_by, submitted_at, answers, erasure_token_hash, contact)
                               VALUES (gen_random_uuid(), %L, %s, %L, %L, %L, %L, now(), %L::jsonb,
                                  encode(sha256(random()::text::bytea), ''hex''), NULL)',
                              survey_id, survey_version, channel, place_code, via_organisation_id, entered_by, answers)
                FROM response WHERE survey_id = ?
                ORDER BY abs(length(answers::text) - (SELECT avg(length(answers::text)) FROM response
                                                      WHERE survey_id = ?)), id
                LIMIT 1""")) {
            select.setObject(1, surveyId);
            select.setObject(2, surveyId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("No stored response to copy; submit some first");
                }
                return row.getString(1);
            }
        }
    }

    /** Runs pgbench with as many clients as the gateway had, for as long. */
    Result run(int clients, Duration duration) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(EXECUTABLE.toString(), "-n", "-M", "prepared",
                "-f", script.toString(), "-c", Integer.toString(clients), "-j", "2",
                "-T", Long.toString(duration.toSeconds()), "-h", "127.0.0.1",
                "-p", Integer.toString(stack.settings().ports().postgres()), "-U", stack.dbUser(), "survey"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", stack.dbPassword());
        Process pgbench = builder.start();
        String output = new String(pgbench.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Matcher tps = TPS.matcher(output);
        if (pgbench.waitFor() != 0 || !tps.find()) {
            throw new IllegalStateException("pgbench failed (exit " + pgbench.exitValue() + "):\n" + output);
        }
        Matcher failed = FAILED.matcher(output);
        return new Result(clients, Double.parseDouble(tps.group(1)), failed.find() ? Long.parseLong(failed.group(1)) : 0);
    }

    /** The INSERT pgbench repeats, on one line, with the answers document shown by its size. */
    String statement() {
        Matcher answers = ANSWERS.matcher(statement);
        String shown = !answers.find() ? statement : statement.substring(0, answers.start()) + "'<"
                + (answers.end() - answers.start()) + " bytes of answers>'::jsonb" + statement.substring(answers.end());
        return shown.replaceAll("\\s+", " ");
    }

    /** How the server commits: the figures compare like with like only if both run under these settings. */
    static String durability(RunningStack stack) throws SQLException {
        try (Connection connection = connect(stack); Statement show = connection.createStatement();
                ResultSet settings = show.executeQuery("""
                        SELECT string_agg(name || '=' || setting, ', ' ORDER BY name) FROM pg_settings
                        WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes', 'wal_sync_method')""")) {
            settings.next();
            return settings.getString(1) + ", PostgreSQL " + connection.getMetaData().getDatabaseProductVersion();
        }
    }

    static Connection connect(RunningStack stack) throws SQLException {
        return DriverManager.getConnection(stack.jdbcUrl("survey"), stack.dbUser(), stack.dbPassword());
    }

    @Override
    public void close() throws SQLException, IOException {
        try (Connection connection = connect(stack); Statement drop = connection.createStatement()) {
            drop.execute("DROP TABLE IF EXISTS bench_response");
        } finally {
            Files.deleteIfExists(script);
        }
    }
}
