package org.chorus.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.chorus.localstack.RunningStack;

/**
 * What one submission writes besides its response row (tallies, outbox, idempotency record), from PostgreSQL's own
 * counters of rows inserted, updated and deleted per table of the survey database.
 */
final class WriteCounts {

    private final Map<String, long[]> byTable;

    private WriteCounts(Map<String, long[]> byTable) {
        this.byTable = byTable;
    }

    static WriteCounts now(RunningStack stack) throws SQLException {
        Map<String, long[]> byTable = new TreeMap<>();
        try (Connection connection = PgBench.connect(stack); Statement select = connection.createStatement();
                ResultSet rows = select.executeQuery(
                        "SELECT relname, n_tup_ins, n_tup_upd, n_tup_del FROM pg_stat_user_tables")) {
            while (rows.next()) {
                byTable.put(rows.getString(1), new long[] { rows.getLong(2), rows.getLong(3), rows.getLong(4) });
            }
        }
        return new WriteCounts(byTable);
    }

    /**
     * Rows written per response inserted between {@code before} and now. PostgreSQL publishes a backend's counters
     * up to seconds late, but those of one transaction together, so ratios to the response inserts hold even so.
     */
    String perResponseSince(WriteCounts before) {
        long responses = delta(before, "response", 0);
        if (responses == 0) {
            return "no responses counted yet";
        }
        List<String> parts = new ArrayList<>();
        String[] kinds = { "ins", "upd", "del" };
        for (String table : byTable.keySet()) {
            if (table.startsWith("bench_")) {
                continue;
            }
            for (int k = 0; k < kinds.length; k++) {
                long rows = delta(before, table, k);
                if (rows > 0) {
                    parts.add(String.format("%s %.2f %s", table, (double) rows / responses, kinds[k]));
                }
            }
        }
        return String.join(", ", parts) + " (over " + responses + " responses)";
    }

    private long delta(WriteCounts before, String table, int kind) {
        long[] earlier = before.byTable.getOrDefault(table, new long[3]);
        return byTable.getOrDefault(table, new long[3])[kind] - earlier[kind];
    }
}
