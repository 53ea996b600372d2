package org.chorus.survey.results;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.platform.query.GaugeReading;
import org.chorus.survey.response.Answer;
import org.chorus.survey.response.Channel;
import org.chorus.survey.response.StoredResponse;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Responses accepted but not yet counted, in the caller's transaction. Claims use SKIP LOCKED, so that replicas
 * folding at once take different responses and an erasure waiting on a claimed row learns afterwards that it was
 * counted.
 */
@ApplicationScoped
class TallyBacklog {

    private static final TypeReference<Map<String, Answer>> ANSWERS = new TypeReference<>() {
    };

    private final DataSource dataSource;
    private final ObjectMapper objectMapper;

    TallyBacklog(DataSource dataSource, ObjectMapper objectMapper) {
        this.dataSource = dataSource;
        this.objectMapper = objectMapper;
    }

    /** @return whether the response was still waiting, i.e. never counted */
    boolean remove(UUID responseId) {
        return removeAll(List.of(responseId)) == 1;
    }

    int removeAll(Collection<UUID> responseIds) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM tally_backlog WHERE response_id = ANY (?)")) {
            delete.setArray(1, connection.createArrayOf("uuid", responseIds.toArray()));
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Counted responses not cleared: " + e.getMessage(), e);
        }
    }

    /** Locks up to {@code limit} waiting responses that no other transaction holds, and reads them. */
    List<StoredResponse> claim(int limit) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("""
                        SELECT r.id, r.survey_id, r.survey_version, r.channel, r.place_code, r.via_organisation_id,
                               r.submitted_at, r.answers
                        FROM tally_backlog b JOIN response r ON r.id = b.response_id
                        LIMIT ? FOR UPDATE OF b SKIP LOCKED""")) {
            select.setInt(1, limit);
            List<StoredResponse> claimed = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    claimed.add(new StoredResponse(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                            rs.getInt(3), Channel.valueOf(rs.getString(4)), rs.getString(5),
                            rs.getObject(6, UUID.class), null, rs.getTimestamp(7).toInstant(),
                            objectMapper.readValue(rs.getString(8), ANSWERS)));
                }
            }
            return claimed;
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Waiting responses not readable: " + e.getMessage(), e);
        }
    }

    /** For the metrics: how many responses of all surveys wait to be counted. */
    double waitingInAll() {
        return GaugeReading.of(dataSource, "SELECT count(*) FROM tally_backlog");
    }

    /**
     * For the metrics: how long, in seconds, the response waiting longest has waited (0 when none waits), which is
     * how far results lag behind. A response's submission time is the server's.
     */
    double oldestWaitingSeconds() {
        return GaugeReading.of(dataSource, """
                SELECT coalesce(extract(epoch FROM now() - min(r.submitted_at)), 0)
                FROM tally_backlog b JOIN response r ON r.id = b.response_id""");
    }

    /** How many of a survey's responses are accepted but not yet in its results. */
    long waiting(UUID surveyId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement(
                        "SELECT count(*) FROM tally_backlog WHERE survey_id = ?")) {
            count.setObject(1, surveyId);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Waiting responses not countable: " + e.getMessage(), e);
        }
    }
}
