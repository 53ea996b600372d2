package org.chorus.survey.coding.frame;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Coding frames and their frozen versions, with plain JDBC in the caller's transaction. */
@ApplicationScoped
public class FrameStore {

    private static final TypeReference<List<MajorCategory>> CATEGORIES = new TypeReference<>() {
    };
    private static final String SELECT = "SELECT f.id, f.organisation_id, f.name, v.version, f.latest_version, "
            + "v.categories, v.created_at FROM coding_frame f JOIN coding_frame_version v ON v.frame_id = f.id ";

    private final DataSource dataSource;
    private final ObjectMapper objectMapper;

    FrameStore(DataSource dataSource, ObjectMapper objectMapper) {
        this.dataSource = dataSource;
        this.objectMapper = objectMapper;
    }

    /** @param organisationId null for a framework offered to every organisation */
    void create(UUID id, UUID organisationId, String name, List<MajorCategory> categories, Instant now) {
        update("INSERT INTO coding_frame (id, organisation_id, name, latest_version, created_at) "
                + "VALUES (?, ?, ?, 1, ?)",
                id, organisationId, name, Timestamp.from(now));
        addVersion(id, 1, categories, now);
    }

    void addVersion(UUID id, int version, List<MajorCategory> categories, Instant now) {
        try {
            update("INSERT INTO coding_frame_version (frame_id, version, categories, created_at) "
                    + "VALUES (?, ?, ?::jsonb, ?)",
                    id, version, objectMapper.writeValueAsString(categories), Timestamp.from(now));
        } catch (IOException e) {
            throw new IllegalStateException("Coding frame not writable: " + e.getMessage(), e);
        }
        update("UPDATE coding_frame SET latest_version = ? WHERE id = ?", version, id);
    }

    /** The frame's latest version, locked so that two new versions cannot take one number. */
    Optional<CodingFrame> lockLatest(UUID id) {
        return one(SELECT + "WHERE f.id = ? AND v.version = f.latest_version FOR UPDATE OF f", id);
    }

    /** @param version null for the latest */
    public Optional<CodingFrame> find(UUID id, Integer version) {
        return version == null ? one(SELECT + "WHERE f.id = ? AND v.version = f.latest_version", id)
                : one(SELECT + "WHERE f.id = ? AND v.version = ?", id, version);
    }

    boolean sharedNamed(String name) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT 1 FROM coding_frame WHERE organisation_id IS NULL AND name = ?")) {
            select.setString(1, name);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Coding frames not readable: " + e.getMessage(), e);
        }
    }

    /** The latest version of every frame the organisation may use (its own and the shared ones), by id. */
    List<CodingFrame> usable(UUID organisationId, UUID after, int limit) {
        return query(SELECT + "WHERE v.version = f.latest_version AND (f.organisation_id IS NULL OR "
                + "f.organisation_id = ?) AND f.id > ? ORDER BY f.id LIMIT ?", organisationId,
                after == null ? new UUID(0, 0) : after, limit);
    }

    private Optional<CodingFrame> one(String sql, Object... parameters) {
        return query(sql, parameters).stream().findFirst();
    }

    private List<CodingFrame> query(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            bind(select, parameters);
            List<CodingFrame> frames = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    frames.add(new CodingFrame(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                            rs.getString(3), rs.getInt(4), rs.getInt(5),
                            objectMapper.readValue(rs.getString(6), CATEGORIES), rs.getTimestamp(7).toInstant()));
                }
            }
            return frames;
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Coding frames not readable: " + e.getMessage(), e);
        }
    }

    private void update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Coding frame not writable: " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }
}
