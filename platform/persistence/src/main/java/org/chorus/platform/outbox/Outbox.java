package org.chorus.platform.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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
 * Publishing is the relay's job: a broker outage delays events and never fails the caller. Recording an event of an
 * aggregate waits for any other open transaction that recorded one of the same aggregate, so that an aggregate's
 * events take their positions in the order their transactions commit (see {@link OutboxStore#append}).
 */
@ApplicationScoped
public class Outbox {

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
    public <T> UUID record(EventType<T> type, Object aggregateId, T data) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("Outbox.record needs an active transaction");
        }
        UUID eventId = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection()) {
            OutboxStore.append(connection, new PendingEvent(eventId, type.topic(), aggregateId.toString(), type.type(),
                    RequestIds.current(), objectMapper.writeValueAsBytes(data)));
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Could not record " + type.type() + " in the outbox", e);
        }
        wakeRelayAfterCommit();
        return eventId;
    }

    /**
     * The insert that announces, inside a single-statement write, each row of the common table expression
     * {@code created}, whose {@code id} is the new aggregate's id: the change and its event commit together in one
     * statement and one round trip. It takes no aggregate lock: no other transaction can record an event of an
     * aggregate this very statement creates. Five parameters, bound by {@link #bindAnnouncement}; once the statement
     * has committed, {@link #wakeRelay}.
     */
    public static String announcementOf(String created) {
        return "INSERT INTO outbox_event (event_id, topic, aggregate_id, event_type, occurred_at, request_id, data) "
                + "SELECT ?::uuid, ?, " + created + ".id::text, ?, now(), ?, ?::bytea FROM " + created;
    }

    /** Binds {@link #announcementOf}'s parameters from {@code first} on; returns the index after them. */
    public <T> int bindAnnouncement(PreparedStatement statement, int first, EventType<T> type, T data)
            throws SQLException {
        try {
            statement.setObject(first, UUID.randomUUID());
            statement.setString(first + 1, type.topic());
            statement.setString(first + 2, type.type());
            statement.setString(first + 3, RequestIds.current());
            statement.setBytes(first + 4, objectMapper.writeValueAsBytes(data));
            return first + 5;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not record " + type.type() + " in the outbox", e);
        }
    }

    /** Sends what a statement that committed on its own announced, without waiting for the relay's next poll. */
    public void wakeRelay() {
        relay.wake();
    }

    private void wakeRelayAfterCommit() {
        AfterCommit.run(transactions, relay::wake);
    }
}
