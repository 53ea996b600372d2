package org.chorus.survey.export;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;

import org.chorus.platform.audit.AuditTrail;
import org.chorus.survey.definition.SurveyQueries;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The responses submitted and erased in a window, so that an analyst's copy can follow erasures without downloading
 * everything again. The window is an export's: from the cursor up to the settle horizon, and its next cursor serves
 * the next export and the next feed alike. Streamed from a read-only transaction, like an export, so it holds no
 * list however long the window.
 */
@ApplicationScoped
class ChangeFeed {

    /**
     * Erased responses are deleted, so a response submitted and erased in one window shows only its tombstone. Each
     * table is read by time from the cursor on, and, before it, by transaction for what committed after the cursor's
     * snapshot ({@link CommitWindow}).
     */
    private static final String SUBMITTED = "SELECT 'SUBMITTED', id, submitted_at FROM response WHERE survey_id = ?";
    private static final String ERASED = "SELECT 'ERASED', response_id, erased_at FROM response_erasure "
            + "WHERE survey_id = ?";
    private static final int FETCH_ROWS = 1000;

    private final SurveyQueries surveys;
    private final SettleHorizon horizon;
    private final DataSource dataSource;
    private final ObjectMapper objectMapper;
    private final AuditTrail auditTrail;

    ChangeFeed(SurveyQueries surveys, SettleHorizon horizon, DataSource dataSource, ObjectMapper objectMapper,
            AuditTrail auditTrail) {
        this.surveys = surveys;
        this.horizon = horizon;
        this.dataSource = dataSource;
        this.objectMapper = objectMapper;
        this.auditTrail = auditTrail;
    }

    /** Audits the read, as an export is, before anything leaves; then returns the feed ready to stream. */
    Feed prepare(UUID surveyId, String cursor) {
        Window window = window(surveyId, cursor);
        Map<String, String> audited = new LinkedHashMap<>();
        if (window.from() != null) {
            audited.put("from", window.from().toString());
        }
        audited.put("to", window.to().toString());
        QuarkusTransaction.requiringNew().run(
                () -> auditTrail.record("responses.changes-listed", "survey", surveyId, audited));
        String nextCursor = window.nextCursor();
        return new Feed(out -> stream(surveyId, window, nextCursor, out), nextCursor);
    }

    /** What a HEAD answers: a GET's headers after its checks, with nothing read and nothing audited. */
    Feed describe(UUID surveyId, String cursor) {
        return new Feed(out -> {
        }, window(surveyId, cursor).nextCursor());
    }

    private Window window(UUID surveyId, String cursor) {
        surveys.latest(surveyId);
        ExportCursor.Position from = ExportCursor.decode(cursor);
        ExportCursor.Position reached = horizon.reached();
        // a cursor from a replica whose clock ran ahead must not move the next one backwards
        Instant to = from != null && from.upTo().isAfter(reached.upTo()) ? from.upTo() : reached.upTo();
        return new Window(from == null ? null : from.upTo(), to, new CommitWindow(reached.seen(), from, null));
    }

    /** The changes a call holds: from the cursor (or the start) up to the settle horizon, as {@code commits} has it. */
    private record Window(Instant from, Instant to, CommitWindow commits) {

        String nextCursor() {
            return ExportCursor.encode(new ExportCursor.Position(to, commits.upTo()));
        }

        /** The statement, its parameters bound in the order {@link #bind} binds them. */
        String sql() {
            String changes = block(SUBMITTED, "submitted_at") + " UNION ALL " + block(ERASED, "erased_at");
            return changes + " ORDER BY 3, 2";
        }

        private String block(String select, String time) {
            String onTime = select + " AND " + time + " >= ? AND " + time + " < ? AND "
                    + commits.committed("transaction_id");
            return commits.catchesUp()
                    ? onTime + " UNION ALL " + select + " AND " + time + " < ? AND "
                            + commits.committedLate("transaction_id")
                    : onTime;
        }

        void bind(PreparedStatement select, UUID surveyId) throws SQLException {
            int parameter = 0;
            for (int block = 0; block < 2; block++) {
                select.setObject(++parameter, surveyId);
                select.setTimestamp(++parameter, Timestamp.from(from == null ? Instant.EPOCH : from));
                select.setTimestamp(++parameter, Timestamp.from(to));
                if (commits.catchesUp()) {
                    select.setObject(++parameter, surveyId);
                    select.setTimestamp(++parameter, Timestamp.from(commits.resumedAt()));
                }
            }
        }
    }

    private void stream(UUID surveyId, Window window, String nextCursor, OutputStream out) throws IOException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (PreparedStatement select = connection.prepareStatement(window.sql());
                    JsonGenerator json = objectMapper.createGenerator(out)) {
                window.bind(select, surveyId);
                select.setFetchSize(FETCH_ROWS);
                json.writeStartObject();
                json.writeStringField("nextCursor", nextCursor);
                json.writeArrayFieldStart("items");
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        json.writeObject(new Change(ChangeKind.valueOf(rs.getString(1)), rs.getObject(2, UUID.class),
                                rs.getTimestamp(3).toInstant()));
                    }
                }
                json.writeEndArray();
                json.writeEndObject();
            } finally {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IOException("Change feed interrupted: " + e.getMessage(), e);
        }
    }

    /** A feed ready to stream, with the cursor that resumes after it. */
    record Feed(StreamingOutput body, String nextCursor) {
    }
}
