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
     * Holds the caller's key until the transaction ends, then reads what a request with it stored: a concurrent
     * request with the same key waits here, then finds the first one's result instead of running the action again
     * beside it. One round trip: the two statements travel together, and the read, a statement of its own, sees what
     * committed while the lock was awaited.
     */
    Optional<StoredResult> lockAndFind(String caller, String key) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement lockAndSelect = connection.prepareStatement("""
                        SELECT pg_advisory_xact_lock(hashtextextended('idempotency/' || ? || '/' || ?, 0));
                        SELECT request_hash, result FROM idempotency_record WHERE caller = ? AND idempotency_key = ?""")) {
            lockAndSelect.setString(1, caller);
            lockAndSelect.setString(2, key);
            lockAndSelect.setString(3, caller);
            lockAndSelect.setString(4, key);
            lockAndSelect.execute();
            if (!lockAndSelect.getMoreResults()) {
                throw new IllegalStateException("Idempotency records not readable: no answer to the read");
            }
            try (ResultSet rs = lockAndSelect.getResultSet()) {
                return first(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Idempotency records not readable: " + e.getMessage(), e);
        }
    }

    /** What a request with the key stored, read without waiting: for a write whose statement met the key. */
    Optional<StoredResult> find(String caller, String key) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT request_hash, result FROM idempotency_record WHERE caller = ? AND idempotency_key = ?")) {
            select.setString(1, caller);
            select.setString(2, key);
            try (ResultSet rs = select.executeQuery()) {
                return first(rs);
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

    private static Optional<StoredResult> first(ResultSet rs) throws SQLException {
        return rs.next() ? Optional.of(new StoredResult(rs.getString(1), rs.getBytes(2))) : Optional.empty();
    }

    record StoredResult(String requestHash, byte[] result) {
    }
}
