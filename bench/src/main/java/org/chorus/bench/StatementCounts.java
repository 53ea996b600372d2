package org.chorus.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.chorus.localstack.ChorusService;
import org.chorus.localstack.RunningStack;

/**
 * Statements and transactions each service's database ran, from PostgreSQL's own counters (pg_stat_statements,
 * which the stack's PostgreSQL loads, and pg_stat_database), so that a change that saves round trips shows as a
 * number per response.
 */
final class StatementCounts {

    /** BEGIN, COMMIT and SET count as statements: each is a round trip the service waits for. */
    private static final String STATEMENTS = """
            SELECT d.datname, sum(s.calls) FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
            GROUP BY d.datname""";
    private static final String TRANSACTIONS = """
            SELECT datname, xact_commit + xact_rollback FROM pg_stat_database WHERE datname IS NOT NULL""";

    private final Map<String, long[]> byDatabase;

    private StatementCounts(Map<String, long[]> byDatabase) {
        this.byDatabase = byDatabase;
    }

    static StatementCounts now(RunningStack stack) throws SQLException {
        Map<String, long[]> byDatabase = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection(stack.jdbcUrl("postgres"), stack.dbUser(),
                stack.dbPassword()); Statement select = connection.createStatement()) {
            read(select, STATEMENTS, byDatabase, 0);
            read(select, TRANSACTIONS, byDatabase, 1);
        }
        return new StatementCounts(byDatabase);
    }

    private static void read(Statement select, String query, Map<String, long[]> into, int column)
            throws SQLException {
        try (ResultSet rows = select.executeQuery(query)) {
            while (rows.next()) {
                into.computeIfAbsent(rows.getString(1), k -> new long[2])[column] = rows.getLong(2);
            }
        }
    }

    /**
     * Statements and transactions per response in each service's database since {@code before}, and in all.
     * Statement counts are exact; transaction counts are reported by each backend up to seconds late, as in
     * {@link WriteCounts}, which a measured phase of many seconds makes small.
     */
    String perResponseSince(StatementCounts before, long responses) {
        if (responses == 0) {
            return "no responses";
        }
        List<String> parts = new ArrayList<>();
        long[] total = new long[2];
        for (String database : databases()) {
            long statements = delta(before, database, 0);
            long transactions = delta(before, database, 1);
            total[0] += statements;
            total[1] += transactions;
            parts.add(String.format("%s %.2f / %.2f", database, (double) statements / responses,
                    (double) transactions / responses));
        }
        return String.format("all %.2f / %.2f (%s)", (double) total[0] / responses, (double) total[1] / responses,
                String.join(", ", parts));
    }

    private static List<String> databases() {
        return Arrays.stream(ChorusService.values()).flatMap(s -> s.database().stream()).toList();
    }

    private long delta(StatementCounts before, String database, int column) {
        return byDatabase.getOrDefault(database, new long[2])[column]
                - before.byDatabase.getOrDefault(database, new long[2])[column];
    }
}
