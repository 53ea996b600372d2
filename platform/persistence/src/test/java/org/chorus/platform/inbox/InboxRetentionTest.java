package org.chorus.platform.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import org.chorus.platform.testsupport.PlatformSchema;
import org.junit.jupiter.api.Test;

/** The inbox forgets exactly the events applied longer ago than its retention, in a real PostgreSQL. */
class InboxRetentionTest {

    private final DataSource dataSource = PlatformSchema.create();

    @Test
    void forgetsOnlyWhatWasAppliedBeforeTheRetention() throws SQLException {
        applied("old-1", "31 days");
        applied("old-2", "40 days");
        applied("recent", "29 days");
        applied("just-now", "0 days");

        int forgotten = new InboxRetention(dataSource, () -> Duration.ofDays(30)).prune();

        assertEquals(2, forgotten);
        assertEquals(2, remaining());
    }

    private void applied(String eventId, String ago) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO inbox_event (consumer, event_id, topic, processed_at) VALUES ('test', ?, 't', now() - ?::interval)")) {
            insert.setString(1, eventId);
            insert.setString(2, ago);
            insert.executeUpdate();
        }
    }

    private long remaining() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM inbox_event");
                ResultSet rs = count.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
