package org.chorus.survey.response;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.survey.definition.PublishedSurvey;
import org.chorus.survey.definition.StillAccepting;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Writes and removes response rows with plain JDBC in the caller's transaction: ingest is the hot path. */
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

    /**
     * Stores the response if the survey still takes it: the version it was checked against is still the published
     * one, and the survey is open at its time of submission. Every stored response joins the tally backlog by
     * trigger (migration V11), in this same statement.
     *
     * @param survey the version the answers were checked against
     * @param contact stored apart from the answers, so that nothing reading answers ever sees it; may be null
     * @param language the language the response was given in
     * @return false, storing nothing, when the survey has changed since it was read
     */
    boolean insert(StoredResponse r, PublishedSurvey survey, String erasureTokenHash, Contact contact,
            String language) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO response (id, survey_id, survey_version, channel, place_code, via_organisation_id,
                                              entered_by, submitted_at, answers, erasure_token_hash, contact,
                                              language)
                        SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb, ?
                        WHERE\s""" + StillAccepting.CONDITION)) {
            insert.setObject(1, r.id());
            insert.setObject(2, r.surveyId());
            insert.setInt(3, r.surveyVersion());
            insert.setString(4, r.channel().name());
            insert.setString(5, r.placeCode());
            insert.setObject(6, r.viaOrganisationId());
            insert.setString(7, r.enteredBy());
            // An OffsetDateTime binds as text; a Timestamp goes through a Calendar, a fifth of this method's time.
            insert.setObject(8, r.submittedAt().atOffset(ZoneOffset.UTC));
            insert.setString(9, objectMapper.writeValueAsString(r.answers()));
            insert.setString(10, erasureTokenHash);
            insert.setString(11, contact == null ? null : objectMapper.writeValueAsString(contact));
            insert.setString(12, language);
            StillAccepting.bind(insert, 13, survey, r.submittedAt());
            return insert.executeUpdate() == 1;
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Response not stored: " + e.getMessage(), e);
        }
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
