package org.chorus.survey.response;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.idempotency.IdempotencyClaim;
import org.chorus.platform.outbox.Outbox;
import org.chorus.survey.definition.StillAccepting;

/**
 * Stores submitted responses, with everything that must commit with each, in one statement for any number of them:
 * ingest is the hot path, and PostgreSQL's cost is per statement and commit far more than per row.
 */
@ApplicationScoped
class SubmissionStore {

    /**
     * Each submission is a row of {@code input}, read from one JSON document ({@link SubmissionDocument}). A row is
     * {@code accepted} only if its survey still takes it (the version it was checked against is still the published
     * one, and the survey is open at its time of submission); an accepted row with a key claims its idempotency
     * record, and is created only if it got it. A created row gets its event. A trigger (migration V11) adds each
     * created response to the tally backlog. The answer is every accepted row, and whether it was created.
     */
    private static final String INSERT = """
            WITH input AS (
                SELECT i.*, decode(i.event_data_base64, 'base64') AS event_data,
                       decode(i.result_base64, 'base64') AS result
                FROM jsonb_to_recordset(?::jsonb)
                    AS i(id uuid, survey_id uuid, survey_version int, channel text, place_code text,
                         via_organisation_id uuid, entered_by text, submitted_at timestamptz, answers jsonb,
                         erasure_token_hash text, contact jsonb, language text,
                         event_id uuid, request_id text, event_data_base64 text,
                         caller text, idempotency_key text, operation text, request_hash text, result_base64 text)),
            accepted AS (
                SELECT * FROM input
                WHERE\s""" + StillAccepting.condition("input.survey_id", "input.survey_version", "input.submitted_at")
            + """
            ),
            claimed AS (""" + IdempotencyClaim.claimFor("accepted") + """
            ),
            created AS (
                INSERT INTO response (id, survey_id, survey_version, channel, place_code, via_organisation_id,
                                      entered_by, submitted_at, answers, erasure_token_hash, contact, language)
                SELECT id, survey_id, survey_version, channel, place_code, via_organisation_id, entered_by,
                       submitted_at, answers, erasure_token_hash, contact, language
                FROM accepted a
                WHERE a.idempotency_key IS NULL OR EXISTS (SELECT 1 FROM claimed c
                    WHERE c.caller = a.caller AND c.idempotency_key = a.idempotency_key)
                RETURNING id),
            announced AS (""" + Outbox.announcementsOf("created", "input") + """
            )
            SELECT a.id, c.id IS NOT NULL FROM accepted a LEFT JOIN created c USING (id)""";

    private final DataSource dataSource;
    private final SubmissionDocument document;

    SubmissionStore(DataSource dataSource, SubmissionDocument document) {
        this.dataSource = dataSource;
        this.document = document;
    }

    /**
     * Stores the submissions, in the caller's transaction if it has one, else in a transaction of their own. No two
     * may carry the same Idempotency-Key of the same caller ({@link IdempotencyClaim#claimFor}).
     *
     * @return what became of each: stored, not stored because its survey changed since it was checked, or not stored
     *         because another request with its key was stored first
     */
    Map<UUID, Stored> insert(List<Submission> submissions) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, document.write(submissions));
            Outbox.bindAnnouncements(insert, 2, ChorusEventTypes.RESPONSE_SUBMITTED);
            return outcomes(insert, submissions);
        } catch (SQLException e) {
            throw new IllegalStateException("Responses not stored: " + e.getMessage(), e);
        }
    }

    private static Map<UUID, Stored> outcomes(PreparedStatement insert, List<Submission> submissions)
            throws SQLException {
        Map<UUID, Stored> outcomes = new HashMap<>();
        submissions.forEach(s -> outcomes.put(s.response().id(), Stored.SURVEY_CHANGED));
        try (ResultSet rs = insert.executeQuery()) {
            while (rs.next()) {
                outcomes.put(rs.getObject(1, UUID.class), rs.getBoolean(2) ? Stored.STORED : Stored.KEY_TAKEN);
            }
        }
        return outcomes;
    }

    /** What a statement did with one submission. */
    enum Stored {
        STORED,
        /** Closed, rescheduled or republished since the submission was checked against it. */
        SURVEY_CHANGED,
        /** Another request with the same Idempotency-Key was stored first; it answers this one. */
        KEY_TAKEN
    }
}
