package org.chorus.platform.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.chorus.platform.testsupport.PlatformSchema;
import org.junit.jupiter.api.Test;

/** Forgetting old rows in a real PostgreSQL: only rows older than the retention go, and an unpublished event never. */
class OldRowsTest {

    private final DataSource dataSource = PlatformSchema.create();

    @Test
    void theOutboxForgetsEventsPublishedBeforeTheRetentionAndNeverAnUnpublishedOne() throws SQLException {
        event("8 days", "8 days");
        event("30 days", "10 days");
        event("2 days", "1 day");
        event("90 days", null);

        int forgotten = OldRows.delete(dataSource, "outbox_event", "published_at", Duration.ofDays(7));

        assertEquals(2, forgotten);
        assertEquals(List.of("1 day", "unpublished"), remainingOutbox());
    }

    @Test
    void nothingIsForgottenWhenEveryRowIsYoungerThanTheRetention() throws SQLException {
        event("1 hour", "1 hour");
        event("2 hours", null);

        assertEquals(0, OldRows.delete(dataSource, "outbox_event", "published_at", Duration.ofDays(7)));
        assertEquals(2, remainingOutbox().size());
    }

    private void event(String occurredAgo, String publishedAgo) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO outbox_event (event_id, topic, aggregate_id, event_type, occurred_at, data, published_at)
                VALUES (?, 't', ?, 'Tested', now() - ?::interval, '\\x00', now() - ?::interval)""")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, publishedAgo == null ? "unpublished" : publishedAgo);
            insert.setString(3, occurredAgo);
            insert.setString(4, publishedAgo);
            insert.executeUpdate();
        }
    }

    private List<String> remainingOutbox() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT aggregate_id FROM outbox_event ORDER BY aggregate_id");
                ResultSet rs = query.executeQuery()) {
            List<String> ids = new ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
            return ids;
        }
    }
}
