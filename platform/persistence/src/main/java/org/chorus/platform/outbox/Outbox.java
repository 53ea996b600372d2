package org.chorus.platform.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.chorus.platform.events.EventType;
import org.chorus.platform.transaction.AfterCommit;
import org.chorus.platform.web.RequestIds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Records an event in the caller's transaction, so that the change and its event commit together or not at all.
 * Publishing is the relay's job: a broker outage delays events and never fails the caller.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = """
            INSERT INTO outbox_event (event_id, topic, aggregate_id, event_type, occurred_at, request_id, data)
            VALUES (?, ?, ?, ?, ?, ?, ?)""";

    private final DataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    private final ObjectMapper objectMapper;
    private final OutboxRelay relay;

    public Outbox(DataSource dataSource, TransactionSynchronizationRegistry transactions, ObjectMapper objectMapper,
            OutboxRelay relay) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.objectMapper = objectMapper;
        this.relay = relay;
    }

    /**
     * Adds an event about one aggregate to the current transaction.
     *
     * @return the new event's id
     * @throws IllegalStateException if called outside a transaction: an event without its change would be a lie
     */
    public UUID record(EventType type, Object aggregateId, Object data) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("Outbox.record needs an active transaction");
        }
        if (!type.dataClass().isInstance(data)) {
            throw new IllegalArgumentException(type.type() + " carries " + type.dataClass().getSimpleName());
        }
        UUID eventId = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, eventId);
            insert.setString(2, type.topic());
            insert.setString(3, aggregateId.toString());
            insert.setString(4, type.type());
            insert.setTimestamp(5, Timestamp.from(Instant.now()));
            insert.setString(6, RequestIds.current());
            insert.setBytes(7, objectMapper.writeValueAsBytes(data));
            insert.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Could not record " + type.type() + " in the outbox", e);
        }
        wakeRelayAfterCommit();
        return eventId;
    }

    private void wakeRelayAfterCommit() {
        AfterCommit.run(transactions, relay::wake);
    }
}
