package org.chorus.survey.response;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;


import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads and removes stored responses with plain JDBC in the caller's transaction; {@link SubmissionStore} adds them. */
@ApplicationScoped
class ResponseStore {

    private static final TypeReference<Map<String, Answer>> ANSWERS = new TypeReference<>() {
    };

    private final DataSource dataSource;
    private final ObjectMapper objectMapper;

    ResponseStore(DataSource dataSource, ObjectMapper objectMapper) {
        this.dataSource = dataSource;
        this.objectMapper = objectMapper;
    }

    /** The response and its token hash, locked so that two erasures of one response cannot both count. */
    Optional<Locked> lock(UUID id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("""
                        SELECT survey_id, survey_version, channel, place_code, via_organisation_id, entered_by,
                               submitted_at, answers, erasure_token_hash
                        FROM response WHERE id = ? FOR UPDATE""")) {
            select.setObject(1, id);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                StoredResponse response = new StoredResponse(id, rs.getObject(1, UUID.class), rs.getInt(2),
                        Channel.valueOf(rs.getString(3)), rs.getString(4), rs.getObject(5, UUID.class),
                        rs.getString(6), rs.getTimestamp(7).toInstant(),
                        objectMapper.readValue(rs.getString(8), ANSWERS));
                return Optional.of(new Locked(response, rs.getString(9)));
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Response not readable: " + e.getMessage(), e);
        }
    }

    boolean exists(UUID id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT 1 FROM response WHERE id = ?")) {
            select.setObject(1, id);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Response not readable: " + e.getMessage(), e);
        }
    }

    /** Deletes the response and leaves its tombstone (id, survey, time; no content) for the change feed. */
    void delete(StoredResponse response, Instant erasedAt) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM response WHERE id = ?");
                PreparedStatement tombstone = connection.prepareStatement(
                        "INSERT INTO response_erasure (response_id, survey_id, erased_at) VALUES (?, ?, ?)")) {
            delete.setObject(1, response.id());
            delete.executeUpdate();
            tombstone.setObject(1, response.id());
            tombstone.setObject(2, response.surveyId());
            tombstone.setTimestamp(3, Timestamp.from(erasedAt));
            tombstone.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Response not erased: " + e.getMessage(), e);
        }
    }

    record Locked(StoredResponse response, String erasureTokenHash) {
    }
}
