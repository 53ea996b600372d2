package org.chorus.survey.definition;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads the few columns that say whether a survey takes responses, with one plain query in the caller's transaction.
 * Every submission asks; loading the whole entity opened a Hibernate session and read the draft for each one. The
 * state last read is remembered per replica, so that a submission need not ask at all: its insert carries
 * {@link StillAccepting}, which stores nothing if the remembered state is no longer true.
 */
@ApplicationScoped
class SurveyStateStore {

    /** Far more surveys than a partnership runs at once; past it, forgetting them all is cheap. */
    private static final int MAX_REMEMBERED = 10_000;

    private final DataSource dataSource;
    private final Map<UUID, SurveyState> remembered = new ConcurrentHashMap<>();

    SurveyStateStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The state this replica last read, or null; may be out of date. */
    SurveyState remembered(UUID id) {
        return remembered.get(id);
    }

    void forget(UUID id) {
        remembered.remove(id);
    }

    /** Reads the state from the database and remembers it. */
    Optional<SurveyState> find(UUID id) {
        Optional<SurveyState> state = read(id);
        if (remembered.size() >= MAX_REMEMBERED) {
            remembered.clear();
        }
        state.ifPresentOrElse(s -> remembered.put(id, s), () -> remembered.remove(id));
        return state;
    }

    private Optional<SurveyState> read(UUID id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("""
                        SELECT organisation_id, status, published_version, opens_at, closes_at
                        FROM survey WHERE id = ?""")) {
            select.setObject(1, id);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new SurveyState(id, rs.getObject(1, UUID.class),
                        SurveyStatus.valueOf(rs.getString(2)), rs.getObject(3, Integer.class),
                        instant(rs.getObject(4, OffsetDateTime.class)), instant(rs.getObject(5, OffsetDateTime.class))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Survey not readable: " + e.getMessage(), e);
        }
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    /** What a submission checks of a survey. */
    record SurveyState(UUID id, UUID organisationId, SurveyStatus status, Integer publishedVersion, Instant opensAt,
            Instant closesAt) {
    }
}
