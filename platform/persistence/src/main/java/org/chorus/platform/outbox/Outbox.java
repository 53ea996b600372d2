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
     * An event about an aggregate that a single-statement write creates, made on the request's own thread, since it
     * carries the request's id: see {@link #announcementsOf}.
     */
    public <T> Announcement announcement(EventType<T> type, T data) {
        try {
            return new Announcement(UUID.randomUUID(), RequestIds.current(), objectMapper.writeValueAsBytes(data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not record " + type.type() + " in the outbox", e);
        }
    }

    /**
     * The insert that announces, inside a single-statement write, each row of the common table expression
     * {@code created}, whose {@code id} is a new aggregate's id, with the {@link Announcement} that the row of
     * {@code input} with the same {@code id} holds in its columns {@code event_id}, {@code request_id} and
     * {@code event_data}: changes and their events commit together in one statement and one round trip. It takes no
     * aggregate lock: no other transaction can record an event of an aggregate this very statement creates. Two
     * parameters, bound by {@link #bindAnnouncements}; once the statement has committed, {@link #wakeRelay}.
     */
    public static String announcementsOf(String created, String input) {
        return "INSERT INTO outbox_event (event_id, topic, aggregate_id, event_type, occurred_at, request_id, data) "
                + "SELECT event_id, ?, id::text, ?, now(), request_id, event_data FROM " + created + " JOIN " + input
                + " USING (id)";
    }

    /** Binds {@link #announcementsOf}'s parameters from {@code first} on; returns the index after them. */
    public static int bindAnnouncements(PreparedStatement statement, int first, EventType<?> type)
            throws SQLException {
        statement.setString(first, type.topic());
        statement.setString(first + 1, type.type());
        return first + 2;
    }

    /** Sends what a statement that committed on its own announced, without waiting for the relay's next poll. */
    public void wakeRelay() {
        relay.wake();
    }

    private void wakeRelayAfterCommit() {
        AfterCommit.run(transactions, relay::wake);
    }

    /** An event to announce in a single-statement write, serialised and with the id of the request it came from. */
    public record Announcement(UUID eventId, String requestId, byte[] data) {
    }
}
