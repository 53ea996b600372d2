package org.chorus.survey.coding.answer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.survey.coding.agreement.Agreement;

/** The second coder's sample and how the two passes compare, with plain JDBC. */
@ApplicationScoped
class SecondPassStore {

    private final DataSource dataSource;

    SecondPassStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Answers coded in the first pass by someone else and not yet in the second, in an order that is random but the
     * same on every call (a hash of the answer), so whatever share the second coder gets through is a random sample.
     * Blind: no first coding comes with them.
     *
     * @param questionId null for every question
     */
    List<CodedAnswer> sample(UUID surveyId, String questionId, UUID secondCoder, int limit) {
        String sql = "SELECT r.id, f.question_id, r.answers -> f.question_id ->> 'text', r.submitted_at "
                + "FROM answer_coding f JOIN response r ON r.id = f.response_id "
                + "LEFT JOIN answer_coding s ON s.response_id = f.response_id AND s.question_id = f.question_id "
                + "AND s.pass = 'SECOND' WHERE f.survey_id = ? AND f.pass = 'FIRST' AND s.response_id IS NULL "
                + "AND f.coded_by IS DISTINCT FROM ?" + (questionId == null ? "" : " AND f.question_id = ?")
                + " ORDER BY md5(f.response_id::text || f.question_id) LIMIT ?";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            int p = 1;
            select.setObject(p++, surveyId);
            select.setObject(p++, secondCoder);
            if (questionId != null) {
                select.setString(p++, questionId);
            }
            select.setInt(p, limit);
            List<CodedAnswer> answers = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    answers.add(new CodedAnswer(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            rs.getTimestamp(4).toInstant(), null, 0));
                }
            }
            return answers;
        } catch (SQLException e) {
            throw new IllegalStateException("Second-pass sample not readable: " + e.getMessage(), e);
        }
    }

    /**
     * Per category code, the two-by-two table of the answers both passes coded with the frame.
     *
     * @param codes every code of the frame, each getting a table even when nobody used it
     * @param questionId null for every question
     */
    Map<String, Agreement> agreement(UUID surveyId, UUID frameId, String questionId, List<String> codes) {
        String sql = "SELECT f.categories, s.categories FROM answer_coding f JOIN answer_coding s "
                + "ON s.response_id = f.response_id AND s.question_id = f.question_id AND s.pass = 'SECOND' "
                + "WHERE f.survey_id = ? AND f.pass = 'FIRST' AND f.frame_id = ? AND s.frame_id = ?"
                + (questionId == null ? "" : " AND f.question_id = ?");
        Map<String, long[]> tables = new LinkedHashMap<>();
        codes.forEach(code -> tables.put(code, new long[4]));
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, surveyId);
            select.setObject(2, frameId);
            select.setObject(3, frameId);
            if (questionId != null) {
                select.setString(4, questionId);
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Set<String> first = new HashSet<>(Arrays.asList((String[]) rs.getArray(1).getArray()));
                    Set<String> second = new HashSet<>(Arrays.asList((String[]) rs.getArray(2).getArray()));
                    tables.forEach((code, table) -> table[cell(first.contains(code), second.contains(code))]++);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Coder agreement not readable: " + e.getMessage(), e);
        }
        Map<String, Agreement> agreement = new LinkedHashMap<>();
        tables.forEach((code, t) -> agreement.put(code, new Agreement(t[0], t[1], t[2], t[3])));
        return agreement;
    }

    /** both, first only, second only, neither: the order of {@link Agreement}'s counts. */
    private static int cell(boolean first, boolean second) {
        if (first) {
            return second ? 0 : 1;
        }
        return second ? 2 : 3;
    }
}
