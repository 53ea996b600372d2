package org.chorus.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.chorus.localstack.RunningStack;

/**
 * Where an event's time goes between survey-service and insight, read from the two databases' own timestamps (one
 * PostgreSQL server, one clock): from the submitting transaction to the broker's acknowledgement of the relay's send,
 * and from then to insight's transaction that applied it. Says which side to work on when propagation is slow.
 */
final class PropagationStages {

    /** @param waitingForRelay outbox row to the broker's acknowledgement of its send, microseconds */
    record Stages(Histogram waitingForRelay, Histogram brokerToInsight) {
    }

    private PropagationStages() {
    }

    static Stages since(RunningStack stack, OffsetDateTime start) throws SQLException {
        Map<String, OffsetDateTime[]> published = new HashMap<>();
        try (Connection survey = connect(stack, "survey");
                PreparedStatement select = survey.prepareStatement("SELECT event_id, occurred_at, published_at "
                        + "FROM outbox_event WHERE topic = 'survey.responses' AND occurred_at >= ? "
                        + "AND published_at IS NOT NULL")) {
            select.setObject(1, start);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    published.put(rows.getString(1), new OffsetDateTime[] { rows.getObject(2, OffsetDateTime.class),
                            rows.getObject(3, OffsetDateTime.class) });
                }
            }
        }
        Histogram relay = histogram();
        Histogram broker = histogram();
        try (Connection insight = connect(stack, "insight");
                PreparedStatement select = insight.prepareStatement("SELECT event_id, processed_at FROM inbox_event "
                        + "WHERE topic = 'survey.responses' AND processed_at >= ?")) {
            select.setObject(1, start);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    OffsetDateTime[] times = published.get(rows.getString(1));
                    if (times != null) {
                        record(relay, times[0], times[1]);
                        record(broker, times[1], rows.getObject(2, OffsetDateTime.class));
                    }
                }
            }
        }
        return new Stages(relay, broker);
    }

    private static Connection connect(RunningStack stack, String database) throws SQLException {
        return DriverManager.getConnection(stack.jdbcUrl(database), stack.dbUser(), stack.dbPassword());
    }

    private static Histogram histogram() {
        return new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
    }

    private static void record(Histogram histogram, OffsetDateTime from, OffsetDateTime to) {
        long micros = Math.max(0, ChronoUnit.MICROS.between(from, to));
        histogram.recordValue(Math.min(micros, histogram.getHighestTrackableValue()));
    }
}
