package org.chorus.platform.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.platform.query.GaugeReading;
import org.chorus.platform.retention.OldRows;

/**
 * The relay's view of the outbox table. Each round runs in one local transaction holding an advisory lock, so that
 * relays in several replicas never publish the same rows at once and the order of each aggregate's events holds.
 */
@ApplicationScoped
class OutboxStore {

    /** Arbitrary but fixed: the advisory lock that makes one relay at a time the publisher of this database. */
    private static final long RELAY_LOCK = 0x43484F5255530001L;
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    /**
     * Takes a transaction-scoped advisory lock on the aggregate before the row takes its position. Another transaction
     * recording an event of the same aggregate waits here until this one ends, so an aggregate's positions follow the
     * order its transactions commit in, and a relay reading in position order never sends its events out of order.
     * Transactions on different aggregates never wait for each other (but for a 64-bit hash collision). One lock per
     * aggregate a transaction announces: fine for the few each transaction records, not for thousands in one.
     */
    private static final String APPEND = """
            INSERT INTO outbox_event (event_id, topic, aggregate_id, event_type, occurred_at, request_id, data)
            SELECT ?::uuid, ?, ?, ?, now(), ?, ?::bytea
            FROM (SELECT pg_advisory_xact_lock(hashtextextended(? || '/' || ?, 0))) AS aggregate_lock""";

    private static final String SELECT_BATCH = """
            SELECT position, event_id, topic, aggregate_id, event_type, occurred_at, request_id, data
            FROM outbox_event WHERE published_at IS NULL ORDER BY position""";

    private final DataSource dataSource;

    OutboxStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Appends an event in the transaction of {@code connection}, which must not be in auto-commit mode. */
    static void append(Connection connection, PendingEvent event) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(APPEND)) {
            insert.setObject(1, event.eventId());
            insert.setString(2, event.topic());
            insert.setString(3, event.aggregateId());
            insert.setString(4, event.eventType());
            insert.setString(5, event.requestId());
            insert.setBytes(6, event.data());
            insert.setString(7, event.topic());
            insert.setString(8, event.aggregateId());
            insert.executeUpdate();
        }
    }

    int publishBatch(int batchSize, Duration lockWait, OutboxRelay.BatchPublisher publisher) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                // Rows published before a failure are marked in this commit; the failure is reported after it.
                PublishOutcome outcome = lockAndPublish(connection, batchSize, lockWait, publisher);
                connection.commit();
                outcome.rethrowFailure();
                return outcome.published();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Outbox not readable: " + e.getMessage(), e);
        }
    }

    private PublishOutcome lockAndPublish(Connection connection, int batchSize, Duration lockWait,
            OutboxRelay.BatchPublisher publisher) throws SQLException {
        List<OutboxRow> rows = lockAndRead(connection, batchSize, lockWait);
        if (rows.isEmpty()) {
            return PublishOutcome.NOTHING;
        }
        PublishOutcome outcome = PublishOutcome.of(publisher, rows);
        markPublished(connection, rows.subList(0, outcome.published()));
        return outcome;
    }

    /**
     * Takes the relay lock and reads the batch in one round trip: on a busy machine each round trip waits for a
     * processor, and a relay that made three before sending anything kept every event waiting for all three.
     * <p>
     * Waits for another replica's relay to end its round rather than giving up at once: an event whose commit woke this
     * relay while the other was publishing then goes out as soon as that round ends, not a poll interval later. A round
     * that holds the lock longer than the wait (a broker that does not answer) leaves this relay to its next round.
     *
     * @return the batch, empty also when another relay kept the lock for longer than the wait
     */
    private static List<OutboxRow> lockAndRead(Connection connection, int batchSize, Duration lockWait)
            throws SQLException {
        try (Statement statement = connection.createStatement()) {
            // Only numbers are put into the text, so it cannot be injected into; several statements in one string
            // travel as one message and are answered together.
            boolean resultSet = statement.execute("SET LOCAL lock_timeout = '" + lockWait.toMillis() + "ms';"
                    + "SELECT pg_advisory_xact_lock(" + RELAY_LOCK + ");"
                    + SELECT_BATCH + " LIMIT " + Math.max(1, batchSize));
            List<OutboxRow> rows = List.of();
            // The answers come in the statements' order: the SET's count, the lock's row, then the batch.
            while (resultSet || statement.getUpdateCount() != -1) {
                if (resultSet) {
                    rows = readRows(statement.getResultSet(), batchSize);
                }
                resultSet = statement.getMoreResults();
            }
            return rows;
        } catch (SQLException e) {
            if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                connection.rollback();
                return List.of();
            }
            throw e;
        }
    }

    /** The rows of the batch; the lock's one-column answer gives none. */
    private static List<OutboxRow> readRows(ResultSet rs, int batchSize) throws SQLException {
        List<OutboxRow> rows = new ArrayList<>(Math.min(batchSize, 64));
        if (rs.getMetaData().getColumnCount() < 8) {
            return rows;
        }
        while (rs.next()) {
            rows.add(new OutboxRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getString(5), rs.getObject(6, OffsetDateTime.class), rs.getString(7), rs.getBytes(8)));
        }
        return rows;
    }

    /**
     * Marks exactly the rows that were sent. Never a range of positions: a transaction that took a lower position
     * may commit after this round read its batch, and its row, unsent, must stay unpublished.
     */
    private static void markPublished(Connection connection, List<OutboxRow> sent) throws SQLException {
        if (sent.isEmpty()) {
            return;
        }
        Long[] positions = sent.stream().map(OutboxRow::position).toArray(Long[]::new);
        // The moment the broker acknowledged them, not the round's start (now()), which may precede rows the round
        // waited for: an operator reading how long events waited would see nothing of that wait.
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE outbox_event SET published_at = clock_timestamp() WHERE position = ANY(?)")) {
            update.setArray(1, connection.createArrayOf("bigint", positions));
            update.executeUpdate();
        }
    }

    /** For the metrics: how many events wait, or how old the oldest waiting one is in seconds (0 when none wait). */
    double backlog(boolean age) {
        return GaugeReading.of(dataSource, age
                ? "SELECT coalesce(extract(epoch FROM now() - min(occurred_at)), 0) FROM outbox_event WHERE published_at IS NULL"
                : "SELECT count(*) FROM outbox_event WHERE published_at IS NULL");
    }

    void deletePublishedBefore(Duration retention) {
        try {
            OldRows.delete(dataSource, "outbox_event", "published_at", retention);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prune the outbox: " + e.getMessage(), e);
        }
    }

    /** How far one round got: rows before the first failure are published, the rest wait for the next round. */
    private record PublishOutcome(int published, RuntimeException failure) {

        static final PublishOutcome NOTHING = new PublishOutcome(0, null);

        static PublishOutcome of(OutboxRelay.BatchPublisher publisher, List<OutboxRow> rows) {
            try {
                return new PublishOutcome(publisher.publish(rows), null);
            } catch (PartialPublishException e) {
                return new PublishOutcome(e.published(), e);
            }
        }

        void rethrowFailure() {
            if (failure != null) {
                throw failure;
            }
        }
    }
}
