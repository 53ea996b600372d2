package org.chorus.platform.idempotency;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/** Reads and writes idempotency records through the caller's transaction. */
@ApplicationScoped
class IdempotencyStore {

    private final DataSource dataSource;

    IdempotencyStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Holds the caller's key until the transaction ends: a concurrent request with the same key waits here, then
     * finds the first one's result instead of running the action again beside it.
     */
    void lock(String caller, String key) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement lock = connection.prepareStatement(
                        "SELECT pg_advisory_xact_lock(hashtextextended('idempotency/' || ? || '/' || ?, 0))")) {
            lock.setString(1, caller);
            lock.setString(2, key);
            lock.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Idempotency key not lockable: " + e.getMessage(), e);
        }
    }

    Optional<StoredResult> find(String caller, String key) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT request_hash, result FROM idempotency_record WHERE caller = ? AND idempotency_key = ?")) {
            select.setString(1, caller);
            select.setString(2, key);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(new StoredResult(rs.getString(1), rs.getBytes(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Idempotency records not readable: " + e.getMessage(), e);
        }
    }

    /** @return false when another request with the same key got there first */
    boolean insert(String caller, String key, String operation, String requestHash, byte[] result) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO idempotency_record (caller, idempotency_key, operation, request_hash, result)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
            insert.setString(1, caller);
            insert.setString(2, key);
            insert.setString(3, operation);
            insert.setString(4, requestHash);
            insert.setBytes(5, result);
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Idempotency record not writable: " + e.getMessage(), e);
        }
    }

    record StoredResult(String requestHash, byte[] result) {
    }
}
