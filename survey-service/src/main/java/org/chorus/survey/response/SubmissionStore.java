package org.chorus.survey.response;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
     * Each submission is a row of {@code input}, read from one JSON document ({@link SubmissionDocument}); a row joins
     * {@code created} only if its survey still takes it (the version it was checked against is still the published
     * one, and the survey is open at its time of submission), and only a created row gets its event and its
     * idempotency record. A trigger (migration V11) adds each created response to the tally backlog.
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
            created AS (
                INSERT INTO response (id, survey_id, survey_version, channel, place_code, via_organisation_id,
                                      entered_by, submitted_at, answers, erasure_token_hash, contact, language)
                SELECT id, survey_id, survey_version, channel, place_code, via_organisation_id, entered_by,
                       submitted_at, answers, erasure_token_hash, contact, language
                FROM input
                WHERE\s""" + StillAccepting.condition("input.survey_id", "input.survey_version", "input.submitted_at")
            + """

                RETURNING id),
            announced AS (""" + Outbox.announcementsOf("created", "input") + """
            ),
            remembered AS (""" + IdempotencyClaim.rememberedFor("created", "input") + """
            )
            SELECT id FROM created""";

    private final DataSource dataSource;
    private final SubmissionDocument document;

    SubmissionStore(DataSource dataSource, SubmissionDocument document) {
        this.dataSource = dataSource;
        this.document = document;
    }

    /**
     * Stores the submissions, in the caller's transaction if it has one, else in a transaction of their own.
     *
     * @return the ids of the responses stored; a submission whose survey changed since it was checked is not
     * @throws RuntimeException from {@link IdempotencyClaim#rethrowIfTaken} when the one submission's key was stored
     *         first by another request; {@link KeyTakenInGroup} when one of several submissions' was, storing none
     */
    Set<UUID> insert(List<Submission> submissions) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, document.write(submissions));
            Outbox.bindAnnouncements(insert, 2, ChorusEventTypes.RESPONSE_SUBMITTED);
            return created(insert);
        } catch (SQLException e) {
            if (submissions.size() == 1) {
                submissions.get(0).claim().rethrowIfTaken(e);
            } else if (IdempotencyClaim.isTaken(e)) {
                throw new KeyTakenInGroup();
            }
            throw new IllegalStateException("Responses not stored: " + e.getMessage(), e);
        }
    }

    private static Set<UUID> created(PreparedStatement insert) throws SQLException {
        Set<UUID> created = new HashSet<>();
        try (ResultSet rs = insert.executeQuery()) {
            while (rs.next()) {
                created.add(rs.getObject(1, UUID.class));
            }
        }
        return created;
    }

    /** One of several submissions met a key another request stored first: none was stored, each must go alone. */
    static final class KeyTakenInGroup extends RuntimeException {

        private static final long serialVersionUID = 1L;

        KeyTakenInGroup() {
            super("An Idempotency-Key in the group was already used", null, false, false);
        }
    }
}
