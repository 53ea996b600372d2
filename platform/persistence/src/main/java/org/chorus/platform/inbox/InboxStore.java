package org.chorus.platform.inbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

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
