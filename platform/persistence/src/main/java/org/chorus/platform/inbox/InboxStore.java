package org.chorus.platform.inbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/** Remembers which events a consumer has applied, inside the transaction that applies them. */
@ApplicationScoped
class InboxStore {

    private static final String RECORD = """
            INSERT INTO inbox_event (consumer, event_id, topic) VALUES (?, ?, ?)
            ON CONFLICT (consumer, event_id) DO NOTHING""";

    private final DataSource dataSource;

    InboxStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Records a poll's events in one statement.
     *
     * @param eventIds the events' ids, with {@code topics} the topic each came from
     * @return the ids this consumer sees for the first time; an id twice in the poll is in it once
     */
    Set<String> recordFirstDeliveries(String consumer, List<String> eventIds, List<String> topics) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO inbox_event (consumer, event_id, topic)
                        SELECT ?, e, t FROM unnest(?::text[], ?::text[]) AS polled(e, t)
                        ON CONFLICT (consumer, event_id) DO NOTHING RETURNING event_id""")) {
            insert.setString(1, consumer);
            insert.setArray(2, connection.createArrayOf("text", eventIds.toArray()));
            insert.setArray(3, connection.createArrayOf("text", topics.toArray()));
            Set<String> first = new HashSet<>();
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    first.add(rows.getString(1));
                }
            }
            return first;
        } catch (SQLException e) {
            throw new IllegalStateException("Inbox not writable: " + e.getMessage(), e);
        }
    }

    /** @return true the first time this consumer sees the event, false for a redelivery */
    boolean recordFirstDelivery(String consumer, String eventId, String topic) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(RECORD)) {
            insert.setString(1, consumer);
            insert.setString(2, eventId);
            insert.setString(3, topic);
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Inbox not writable: " + e.getMessage(), e);
        }
    }
}
