package org.chorus.survey.export;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.platform.time.StoredTime;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The export audit log. Each write commits on its own (outside any request transaction): an export is logged
 * before its first row leaves, and its outcome recorded even when the caller hangs up half way.
 */
@ApplicationScoped
class AuditStore {

    private final DataSource dataSource;
    private final ObjectMapper objectMapper;

    AuditStore(DataSource dataSource, ObjectMapper objectMapper) {
        this.dataSource = dataSource;
        this.objectMapper = objectMapper;
    }

    void started(AuditEntry entry) {
        execute("""
                INSERT INTO export_audit (id, survey_id, organisation_id, key_id, format, filters, include_contact,
                                          row_count, completed, started_at)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, 0, false, ?)""", insert -> {
            insert.setObject(1, entry.id());
            insert.setObject(2, entry.surveyId());
            insert.setObject(3, entry.organisationId());
            insert.setObject(4, entry.keyId());
            insert.setString(5, entry.format().name());
            insert.setString(6, objectMapper.writeValueAsString(entry.filters()));
            insert.setBoolean(7, entry.includeContact());
            insert.setTimestamp(8, Timestamp.from(entry.startedAt()));
        });
    }

    void finished(UUID id, long rows, boolean completed) {
        execute("UPDATE export_audit SET row_count = ?, completed = ?, finished_at = ? WHERE id = ?", update -> {
            update.setLong(1, rows);
            update.setBoolean(2, completed);
            update.setTimestamp(3, Timestamp.from(StoredTime.now()));
            update.setObject(4, id);
        });
    }

    /** Newest first, keyset-paged on (started_at, id). */
    List<AuditEntry> list(Instant beforeTime, UUID beforeId, int limit) {
        String sql = "SELECT id, survey_id, organisation_id, key_id, format, filters, include_contact, row_count, "
                + "completed, started_at, finished_at FROM export_audit"
                + (beforeId == null ? "" : " WHERE (started_at, id) < (?, ?)") + " ORDER BY started_at DESC, id DESC LIMIT ?";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            int p = 1;
            if (beforeId != null) {
                select.setTimestamp(p++, Timestamp.from(beforeTime));
                select.setObject(p++, beforeId);
            }
            select.setInt(p, limit);
            List<AuditEntry> entries = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    entries.add(read(rs));
                }
            }
            return entries;
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Export audit not readable: " + e.getMessage(), e);
        }
    }

    private AuditEntry read(ResultSet rs) throws SQLException, IOException {
        Timestamp finished = rs.getTimestamp(11);
        return new AuditEntry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                rs.getObject(4, UUID.class), ExportFormat.valueOf(rs.getString(5)),
                objectMapper.readValue(rs.getString(6), new TypeReference<Map<String, String>>() {
                }), rs.getBoolean(7), rs.getLong(8), rs.getBoolean(9), rs.getTimestamp(10).toInstant(),
                finished == null ? null : finished.toInstant());
    }

    private void execute(String sql, Binder binder) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            statement.executeUpdate();
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Export audit not writable: " + e.getMessage(), e);
        }
    }

    /** Sets a statement's parameters. */
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException, IOException;
    }
}
