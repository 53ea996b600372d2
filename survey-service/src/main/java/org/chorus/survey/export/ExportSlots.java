package org.chorus.survey.export;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Caps concurrent exports per organisation across replicas: a running export holds one of its organisation's
 * slots, a PostgreSQL session advisory lock, for as long as it streams. The database, not a replica's memory,
 * knows what runs, and a replica that dies releases its slots with its sessions.
 */
@ApplicationScoped
class ExportSlots {

    /** Namespaced text hashed to the lock's 64-bit key, apart from the outbox's per-aggregate locks. */
    private static final String KEY = "hashtextextended('export-slot/' || ? || '/' || ?, 0)";
    private static final String TRY_LOCK = "SELECT pg_try_advisory_lock(" + KEY + ")";
    private static final String UNLOCK = "SELECT pg_advisory_unlock(" + KEY + ")";

    private final DataSource dataSource;
    private final ExportLimits limits;

    ExportSlots(DataSource dataSource, ExportLimits limits) {
        this.dataSource = dataSource;
        this.limits = limits;
    }

    /**
     * @return a free slot of the organisation, held until closed
     * @throws ExportsBusy when every slot is taken
     */
    Slot take(UUID organisationId) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            for (int slot = 0; slot < limits.perOrganisation(); slot++) {
                if (call(connection, TRY_LOCK, organisationId, slot)) {
                    return new Slot(connection, organisationId, slot);
                }
            }
        } catch (SQLException e) {
            close(connection);
            throw new IllegalStateException("Export slots not readable: " + e.getMessage(), e);
        }
        close(connection);
        throw new ExportsBusy(limits.perOrganisation(), limits.retryAfter());
    }

    private static boolean call(Connection connection, String sql, UUID organisationId, int slot)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, organisationId.toString());
            statement.setInt(2, slot);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static void close(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // the session is gone, and its advisory locks with it
            }
        }
    }

    /** One running export's hold on a slot; closing frees it for the organisation's next export. */
    static final class Slot implements AutoCloseable {

        private final Connection connection;
        private final UUID organisationId;
        private final int slot;

        private Slot(Connection connection, UUID organisationId, int slot) {
            this.connection = connection;
            this.organisationId = organisationId;
            this.slot = slot;
        }

        /** Unlocks before the connection goes back to the pool: session locks outlive a pooled connection's use. */
        @Override
        public void close() {
            try {
                call(connection, UNLOCK, organisationId, slot);
            } catch (SQLException e) {
                // a broken session has released its locks already
            } finally {
                ExportSlots.close(connection);
            }
        }
    }
}
