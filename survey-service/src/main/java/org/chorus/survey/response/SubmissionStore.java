package org.chorus.survey.response;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.idempotency.IdempotencyClaim;
import org.chorus.platform.outbox.Outbox;
import org.chorus.survey.definition.StillAccepting;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Stores submitted responses, with everything that must commit with each, in one statement for any number of them:
 * ingest is the hot path, and PostgreSQL's cost is per statement and commit far more than per row.
 */
@ApplicationScoped
class SubmissionStore {

    /**
     * Each submission is a row of {@code input}; a row joins {@code created} only if its survey still takes it (the
     * version it was checked against is still the published one, and the survey is open at its time of submission),
     * and only a created row gets its event and its idempotency record. A trigger (migration V11) adds each created
     * response to the tally backlog.
     */
    private static final String INSERT = """
            WITH input AS (
                SELECT * FROM unnest(?::uuid[], ?::uuid[], ?::int[], ?::text[], ?::text[], ?::uuid[], ?::text[],
                                     ?::text[]::timestamptz[], ?::text[]::jsonb[], ?::text[], ?::text[]::jsonb[],
                                     ?::text[], ?::uuid[], ?::text[], ?::bytea[],
                                     ?::text[], ?::text[], ?::text[], ?::text[], ?::bytea[])
                    AS i(id, survey_id, survey_version, channel, place_code, via_organisation_id, entered_by,
                         submitted_at, answers, erasure_token_hash, contact, language,
                         event_id, request_id, event_data,
                         caller, idempotency_key, operation, request_hash, result)),
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
    private final ObjectMapper objectMapper;

    SubmissionStore(DataSource dataSource, ObjectMapper objectMapper) {
        this.dataSource = dataSource;
        this.objectMapper = objectMapper;
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
            Columns columns = new Columns(connection, insert, submissions);
            columns.bind(s -> s.response().id(), "uuid");
            columns.bind(s -> s.response().surveyId(), "uuid");
            columns.bind(s -> s.response().surveyVersion(), "int4");
            columns.bind(s -> s.response().channel().name(), "text");
            columns.bind(s -> s.response().placeCode(), "text");
            columns.bind(s -> s.response().viaOrganisationId(), "uuid");
            columns.bind(s -> s.response().enteredBy(), "text");
            columns.bind(s -> s.response().submittedAt().toString(), "text");
            columns.bind(s -> json(s.response().answers()), "text");
            columns.bind(Submission::erasureTokenHash, "text");
            columns.bind(s -> s.contact() == null ? null : json(s.contact()), "text");
            columns.bind(Submission::language, "text");
            bindAnnouncements(columns);
            bindRemembered(columns);
            Outbox.bindAnnouncements(insert, columns.next(), ChorusEventTypes.RESPONSE_SUBMITTED);
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

    private static void bindAnnouncements(Columns columns) throws SQLException {
        columns.bind(s -> s.announcement().eventId(), "uuid");
        columns.bind(s -> s.announcement().requestId(), "text");
        columns.bind(s -> s.announcement().data(), "bytea");
    }

    private static void bindRemembered(Columns columns) throws SQLException {
        columns.bind(s -> s.remembered() == null ? null : s.remembered().caller(), "text");
        columns.bind(s -> s.remembered() == null ? null : s.remembered().key(), "text");
        columns.bind(s -> s.remembered() == null ? null : s.remembered().operation(), "text");
        columns.bind(s -> s.remembered() == null ? null : s.remembered().requestHash(), "text");
        columns.bind(s -> s.remembered() == null ? null : s.remembered().result(), "bytea");
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

    private String json(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException("Response not stored: " + e.getMessage(), e);
        }
    }

    /** Binds one array parameter per column, each holding that column's value for every submission, in order. */
    private static final class Columns {

        private final Connection connection;
        private final PreparedStatement statement;
        private final List<Submission> submissions;
        private int next = 1;

        Columns(Connection connection, PreparedStatement statement, List<Submission> submissions) {
            this.connection = connection;
            this.statement = statement;
            this.submissions = submissions;
        }

        void bind(Function<Submission, Object> column, String type) throws SQLException {
            Object[] values = "bytea".equals(type) ? new byte[submissions.size()][] : new Object[submissions.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = column.apply(submissions.get(i));
            }
            statement.setArray(next++, connection.createArrayOf(type, values));
        }

        int next() {
            return next;
        }
    }

    /** One of several submissions met a key another request stored first: none was stored, each must go alone. */
    static final class KeyTakenInGroup extends RuntimeException {

        private static final long serialVersionUID = 1L;

        KeyTakenInGroup() {
            super("An Idempotency-Key in the group was already used", null, false, false);
        }
    }
}
