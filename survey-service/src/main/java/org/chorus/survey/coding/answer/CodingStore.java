package org.chorus.survey.coding.answer;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.survey.results.Breakdown;

/**
 * Free-text answers and their codings, with plain JDBC in the caller's transaction. Answers are read where they are
 * stored, in each response's answers, so an erased response's answer leaves every list and count with it (and its
 * coding goes too, by the foreign key).
 */
@ApplicationScoped
class CodingStore {

    private static final String ANSWERED = "coalesce(r.answers -> q.qid ->> 'text', '') <> ''";
    private static final String ANSWERS = "FROM response r CROSS JOIN unnest(?::text[]) AS q(qid) "
            + "LEFT JOIN answer_coding c ON c.response_id = r.id AND c.question_id = q.qid AND c.pass = 'FIRST' "
            + "WHERE r.survey_id = ? AND " + ANSWERED;

    private static final String FIRST_CODING = "SELECT 1 FROM answer_coding c WHERE c.response_id = r.id "
            + "AND c.question_id = q.qid AND c.pass = 'FIRST'";
    /** The responses still waiting for a first pass, by the partial index response_awaiting_coding. */
    private static final String UNCODED = "SELECT r.id, q.qid, r.answers -> q.qid ->> 'text', r.submitted_at, NULL, "
            + "NULL, NULL, NULL, NULL, NULL, 0 FROM response r CROSS JOIN unnest(?::text[]) AS q(qid) "
            + "WHERE r.survey_id = ? AND r.has_text AND NOT r.coding_done AND " + ANSWERED
            + " AND NOT EXISTS (" + FIRST_CODING + ")";
    private static final String CODED_ANSWERS = "SELECT r.id, q.qid, r.answers -> q.qid ->> 'text', r.submitted_at, "
            + "c.frame_id, c.frame_version, c.categories, c.sentiment, c.cannot_be_coded, c.coded_at, c.version "
            + "FROM response r CROSS JOIN unnest(?::text[]) AS q(qid) JOIN answer_coding c ON c.response_id = r.id "
            + "AND c.question_id = q.qid AND c.pass = 'FIRST' WHERE r.survey_id = ? AND r.has_text AND " + ANSWERED;

    private final DataSource dataSource;

    CodingStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Uncoded answers first, then coded ones; each in order of submission. Two ordered reads rather than one sort: the
     * uncoded part walks only the responses still waiting for their first pass (a partial index, see V10), so a page
     * costs the same however many answers are coded before it.
     */
    List<CodedAnswer> list(UUID surveyId, List<String> questionIds, ListPosition after, int limit) {
        List<CodedAnswer> answers = new ArrayList<>(limit);
        if (after == null || !after.coded()) {
            answers.addAll(page(UNCODED, surveyId, questionIds, after, limit));
        }
        if (answers.size() < limit) {
            answers.addAll(page(CODED_ANSWERS, surveyId, questionIds, after != null && after.coded() ? after : null,
                    limit - answers.size()));
        }
        return answers;
    }

    /** @param from where the previous page ended within this part of the list; null from its start */
    private List<CodedAnswer> page(String part, UUID surveyId, List<String> questionIds, ListPosition from,
            int limit) {
        String sql = part + (from == null ? "" : " AND (r.submitted_at, r.id) >= (?, ?) "
                + "AND (r.submitted_at, r.id, q.qid) > (?, ?, ?)") + " ORDER BY r.submitted_at, r.id, q.qid LIMIT ?";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            int p = bindAnswers(connection, select, surveyId, questionIds);
            if (from != null) {
                Timestamp at = Timestamp.from(from.submittedAt());
                select.setTimestamp(p++, at);
                select.setObject(p++, from.responseId());
                select.setTimestamp(p++, at);
                select.setObject(p++, from.responseId());
                select.setString(p++, from.questionId());
            }
            select.setInt(p, limit);
            List<CodedAnswer> answers = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    answers.add(answer(rs));
                }
            }
            return answers;
        } catch (SQLException e) {
            throw new IllegalStateException("Answers not readable: " + e.getMessage(), e);
        }
    }

    /** Answers and coded answers per question, every question listed even when nobody answered it. */
    Map<String, long[]> progress(UUID surveyId, List<String> questionIds) {
        Map<String, long[]> progress = new LinkedHashMap<>();
        questionIds.forEach(q -> progress.put(q, new long[2]));
        String sql = "SELECT q.qid, count(*), count(c.response_id) " + ANSWERS + " GROUP BY q.qid";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            bindAnswers(connection, select, surveyId, questionIds);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    progress.put(rs.getString(1), new long[] { rs.getLong(2), rs.getLong(3) });
                }
            }
            return progress;
        } catch (SQLException e) {
            throw new IllegalStateException("Coding progress not readable: " + e.getMessage(), e);
        }
    }

    /** The response's survey, locked against erasure while its answer is coded; empty when there is none. */
    Optional<UUID> lockResponse(UUID responseId) {
        // FOR NO KEY UPDATE rather than FOR SHARE: the coding may mark the response done, and two coders of one
        // response holding a share lock each would then deadlock on that update
        return text("SELECT survey_id::text FROM response WHERE id = ? FOR NO KEY UPDATE", responseId)
                .map(UUID::fromString);
    }

    /** The answer as a coder's list shows it; empty when the respondent left the question unanswered. */
    Optional<WrittenAnswer> writtenAnswer(UUID responseId, String questionId) {
        return first("SELECT nullif(answers -> ? ->> 'text', ''), submitted_at FROM response WHERE id = ?",
                rs -> rs.getString(1) == null ? null : new WrittenAnswer(rs.getString(1),
                        rs.getTimestamp(2).toInstant()), questionId, responseId);
    }

    boolean erased(UUID responseId) {
        return text("SELECT 'erased' FROM response_erasure WHERE response_id = ?", responseId).isPresent();
    }

    /** The coding's version, locked so that two coders cannot both change the same one; 0 while uncoded. */
    long lockVersion(UUID responseId, String questionId, CodingPass pass) {
        return text("SELECT version::text FROM answer_coding WHERE response_id = ? AND question_id = ? AND pass = ? "
                + "FOR UPDATE", responseId, questionId, pass.name()).map(Long::parseLong).orElse(0L);
    }

    /**
     * Takes the response off the coder's waiting list once each of its written free-text answers has a first-pass
     * coding; codings are changed but never removed, so it never has to come back.
     */
    void markIfDone(UUID responseId, List<String> questionIds) {
        String sql = "UPDATE response r SET coding_done = true WHERE r.id = ? AND NOT r.coding_done AND NOT EXISTS ("
                + "SELECT 1 FROM unnest(?::text[]) AS q(qid) WHERE " + ANSWERED + " AND NOT EXISTS (" + FIRST_CODING
                + "))";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(sql)) {
            update.setObject(1, responseId);
            update.setArray(2, connection.createArrayOf("text", questionIds.toArray()));
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Coding not stored: " + e.getMessage(), e);
        }
    }

    /** The key that coded the answer in a pass, if it was. */
    Optional<UUID> coder(UUID responseId, String questionId, CodingPass pass) {
        return text("SELECT coded_by::text FROM answer_coding WHERE response_id = ? AND question_id = ? AND pass = ?",
                responseId, questionId, pass.name()).map(UUID::fromString);
    }

    void save(UUID surveyId, UUID responseId, String questionId, CodingPass pass, Coding coding, long version,
            UUID codedBy) {
        String sql = """
                INSERT INTO answer_coding (response_id, question_id, survey_id, frame_id, frame_version, categories,
                                           sentiment, cannot_be_coded, version, coded_by, coded_at, pass)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (response_id, question_id, pass) DO UPDATE SET frame_id = excluded.frame_id,
                    frame_version = excluded.frame_version, categories = excluded.categories,
                    sentiment = excluded.sentiment, cannot_be_coded = excluded.cannot_be_coded,
                    version = excluded.version, coded_by = excluded.coded_by, coded_at = excluded.coded_at""";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement(sql)) {
            upsert.setObject(1, responseId);
            upsert.setString(2, questionId);
            upsert.setObject(3, surveyId);
            upsert.setObject(4, coding.frameId());
            upsert.setInt(5, coding.frameVersion());
            upsert.setArray(6, connection.createArrayOf("text", coding.categories().toArray()));
            upsert.setString(7, coding.sentiment() == null ? null : coding.sentiment().name());
            upsert.setBoolean(8, coding.cannotBeCoded());
            upsert.setLong(9, version);
            upsert.setObject(10, codedBy);
            upsert.setTimestamp(11, Timestamp.from(coding.codedAt()));
            upsert.setString(12, pass.name());
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Coding not stored: " + e.getMessage(), e);
        }
    }

    /**
     * Coded answers per group of the breakdown, question and category of one frame (any of its versions), and per
     * group and question the answers coded with it and those that could not be coded, under the keys
     * {@link #CODED} and {@link #UNCODABLE}. Responses that gave no place, or left the demographic question broken down
     * by unanswered, are the group {@link Breakdown#NOT_GIVEN}, as in every breakdown; with no breakdown, the one
     * group is "".
     */
    Map<String, Map<String, Map<String, Long>>> counts(UUID surveyId, UUID frameId, Breakdown by) {
        String sql = """
                WITH coded AS (
                    SELECT c.question_id, c.categories, c.cannot_be_coded,
                           coalesce(CASE ?::text WHEN 'ALL' THEN '' WHEN 'CHANNEL' THEN r.channel
                                WHEN 'PLACE' THEN r.place_code ELSE r.answers -> ?::text ->> 'choice' END,
                                ?) AS grp
                    FROM answer_coding c JOIN response r ON r.id = c.response_id
                    WHERE c.survey_id = ? AND c.frame_id = ? AND c.pass = 'FIRST')
                SELECT grp, question_id, category, count(*) FROM coded, unnest(categories) AS category
                GROUP BY 1, 2, 3
                UNION ALL
                SELECT grp, question_id, CASE WHEN cannot_be_coded THEN ? ELSE ? END, count(*) FROM coded
                GROUP BY 1, 2, 3""";
        Map<String, Map<String, Map<String, Long>>> counts = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, by.kind().name());
            select.setString(2, by.questionId());
            select.setString(3, Breakdown.NOT_GIVEN);
            select.setObject(4, surveyId);
            select.setObject(5, frameId);
            select.setString(6, UNCODABLE);
            select.setString(7, CODED);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    counts.computeIfAbsent(rs.getString(1), g -> new LinkedHashMap<>())
                            .computeIfAbsent(rs.getString(2), q -> new LinkedHashMap<>())
                            .merge(rs.getString(3), rs.getLong(4), Long::sum);
                }
            }
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException("Coded counts not readable: " + e.getMessage(), e);
        }
    }

    /** Keys of {@link #counts} that are not category codes: codes have no spaces. */
    static final String CODED = "coded answers";
    static final String UNCODABLE = "cannot be coded";

    private static int bindAnswers(Connection connection, PreparedStatement select, UUID surveyId,
            List<String> questionIds) throws SQLException {
        Array ids = connection.createArrayOf("text", questionIds.toArray());
        select.setArray(1, ids);
        select.setObject(2, surveyId);
        return 3;
    }

    private static CodedAnswer answer(ResultSet rs) throws SQLException {
        UUID frameId = rs.getObject(5, UUID.class);
        Coding coding = null;
        if (frameId != null) {
            String sentiment = rs.getString(8);
            coding = new Coding(frameId, rs.getInt(6), List.of((String[]) rs.getArray(7).getArray()),
                    sentiment == null ? null : Sentiment.valueOf(sentiment), rs.getBoolean(9),
                    rs.getTimestamp(10).toInstant());
        }
        return new CodedAnswer(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                rs.getTimestamp(4).toInstant(), coding, rs.getLong(11));
    }

    private Optional<String> text(String sql, Object... parameters) {
        return first(sql, rs -> rs.getString(1), parameters);
    }

    /** The first row's value, or empty when there is no row or it reads as null. */
    private <T> Optional<T> first(String sql, ColumnsReader<T> reader, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.ofNullable(reader.read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Answers not readable: " + e.getMessage(), e);
        }
    }

    private interface ColumnsReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** What the respondent wrote, and when. */
    record WrittenAnswer(String text, Instant submittedAt) {
    }

    /** Where a page of the list ended. */
    record ListPosition(boolean coded, Instant submittedAt, UUID responseId, String questionId) {
    }
}
