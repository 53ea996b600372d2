package org.chorus.platform.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

/**
 * The one way the tables every service shares (outbox, inbox, idempotency records) forget rows that have outlived
 * their use, so that none of them grows for ever. Deleting the same old rows from two replicas at once is harmless.
 */
public final class OldRows {

    private OldRows() {
    }

    /**
     * Deletes the rows whose time column is older than the retention; a row whose time is null is kept.
     *
     * @param table and {@code timeColumn} are the caller's own constants, never input
     * @return how many rows were forgotten
     */
    public static int delete(DataSource dataSource, String table, String timeColumn, Duration retention)
            throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE "
                        + timeColumn + " < now() - make_interval(secs => ?)")) {
            delete.setLong(1, retention.toSeconds());
            return delete.executeUpdate();
        }
    }
}
