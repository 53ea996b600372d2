package org.chorus.survey.results;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Moves and reads the counters. A round's counters move in one statement, in key order so that two concurrent rounds
 * never deadlock, on one randomly picked shard so that they seldom wait for each other.
 */
@ApplicationScoped
class TallyStore {

    static final int SHARDS = 8;

    private static final String UPSERT = """
            INSERT INTO tally (survey_id, dimension, dimension_value, question_id, answer_key, shard, count)
            SELECT ?, d, v, q, k, ?, n FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[])
                AS t(d, v, q, k, n)
            ORDER BY d, v, q, k
            ON CONFLICT (survey_id, dimension, dimension_value, question_id, answer_key, shard)
            DO UPDATE SET count = tally.count + EXCLUDED.count""";

    private final DataSource dataSource;

    TallyStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Adds each delta to its counter of the survey. */
    void add(UUID surveyId, Map<TallyKey, Long> deltas) {
        List<TallyKey> keys = List.copyOf(deltas.keySet());
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            upsert.setObject(1, surveyId);
            upsert.setInt(2, ThreadLocalRandom.current().nextInt(SHARDS));
            upsert.setArray(3, texts(connection, keys.stream().map(TallyKey::dimension)));
            upsert.setArray(4, texts(connection, keys.stream().map(TallyKey::dimensionValue)));
            upsert.setArray(5, texts(connection, keys.stream().map(TallyKey::questionId)));
            upsert.setArray(6, texts(connection, keys.stream().map(TallyKey::answerKey)));
            upsert.setArray(7, connection.createArrayOf("bigint", keys.stream().map(deltas::get).toArray()));
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Tallies not updated: " + e.getMessage(), e);
        }
    }

    /** Every counter of a survey in one dimension, shards summed; zero counters left out. */
    List<Count> read(UUID surveyId, String dimension) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("""
                        SELECT dimension_value, question_id, answer_key, sum(count) FROM tally
                        WHERE survey_id = ? AND dimension = ?
                        GROUP BY dimension_value, question_id, answer_key HAVING sum(count) <> 0""")) {
            select.setObject(1, surveyId);
            select.setString(2, dimension);
            List<Count> counts = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    counts.add(new Count(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
                }
            }
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException("Tallies not readable: " + e.getMessage(), e);
        }
    }

    private static Array texts(Connection connection, Stream<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray());
    }

    /** A counter's total in one slice. */
    record Count(String dimensionValue, String questionId, String answerKey, long count) {
    }
}
