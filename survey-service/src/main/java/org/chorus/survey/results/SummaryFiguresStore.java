package org.chorus.survey.results;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.platform.web.suppression.Suppression;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The overall counts a published summary shows, kept per survey. They are replaced only by counts whose responses
 * differ from theirs by at least {@link Suppression#THRESHOLD}, checked in the statement that replaces them, so that
 * readers taking them at once cannot step them by less.
 */
@ApplicationScoped
class SummaryFiguresStore {

    private static final TypeReference<Map<String, Map<String, Long>>> COUNTS = new TypeReference<>() {
    };

    private static final String TAKE = """
            INSERT INTO summary_figures AS shown (survey_id, responses, counts, taken_at)
            VALUES (?, ?, ?::jsonb, now())
            ON CONFLICT (survey_id) DO UPDATE
                SET responses = EXCLUDED.responses, counts = EXCLUDED.counts, taken_at = EXCLUDED.taken_at
                WHERE abs(EXCLUDED.responses - shown.responses) >= ?
            RETURNING taken_at""";

    private final DataSource dataSource;
    private final ObjectMapper objectMapper;

    SummaryFiguresStore(DataSource dataSource, ObjectMapper objectMapper) {
        this.dataSource = dataSource;
        this.objectMapper = objectMapper;
    }

    /** The counts a survey's summary shows, if any were taken yet. */
    Optional<Figures> shown(UUID surveyId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT responses, counts, taken_at FROM summary_figures WHERE survey_id = ?")) {
            select.setObject(1, surveyId);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Figures(fromJson(rs.getString(2)), rs.getLong(1),
                        rs.getTimestamp(3).toInstant()));
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Summary figures not readable: " + e.getMessage(), e);
        }
    }

    /**
     * Shows {@code counted} from now on, unless the figures shown are within the threshold of its responses (another
     * reader took them a moment ago).
     *
     * @return the figures taken, or empty where the ones shown stay
     */
    Optional<Figures> take(UUID surveyId, Map<ResultCells.Address, Long> counted, long responses) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement(TAKE)) {
            upsert.setObject(1, surveyId);
            upsert.setLong(2, responses);
            upsert.setString(3, toJson(counted));
            upsert.setInt(4, Suppression.THRESHOLD);
            try (ResultSet rs = upsert.executeQuery()) {
                return rs.next()
                        ? Optional.of(new Figures(counted, responses, rs.getTimestamp(1).toInstant()))
                        : Optional.empty();
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Summary figures not taken: " + e.getMessage(), e);
        }
    }

    private String toJson(Map<ResultCells.Address, Long> counts) throws IOException {
        Map<String, Map<String, Long>> byQuestion = new TreeMap<>();
        counts.forEach((cell, count) -> byQuestion.computeIfAbsent(cell.questionId(), q -> new TreeMap<>())
                .put(cell.answerKey(), count));
        return objectMapper.writeValueAsString(byQuestion);
    }

    private Map<ResultCells.Address, Long> fromJson(String json) throws IOException {
        Map<ResultCells.Address, Long> counts = new HashMap<>();
        objectMapper.readValue(json, COUNTS).forEach((question, answers) -> answers.forEach(
                (answer, count) -> counts.put(new ResultCells.Address("", question, answer), count)));
        return counts;
    }

    /** Overall counts by cell (of the one group ""), how many responses they hold, and when they were taken. */
    record Figures(Map<ResultCells.Address, Long> counts, long responses, Instant takenAt) {
    }
}
