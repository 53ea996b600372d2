package org.chorus.survey.definition;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The rule that a survey takes responses, as a condition a response's insert carries. A submission is checked against
 * the state its replica remembers; the condition makes the database, where closing, rescheduling and publishing
 * happen, have the last word in the same statement that stores the response.
 */
public final class StillAccepting {

    /**
     * True while the survey, at the version the response was checked against, takes responses at a given time. The
     * same rule as {@link SurveyQueries#acceptingResponses}: not closed, nor open past its closing time, nor before
     * its opening time. Four parameters, bound by {@link #bind}.
     */
    public static final String CONDITION = """
            EXISTS (SELECT 1 FROM survey s
                    WHERE s.id = ? AND s.published_version = ? AND s.status <> 'CLOSED'
                      AND (s.status <> 'OPEN' OR s.closes_at IS NULL OR s.closes_at > ?)
                      AND (s.opens_at IS NULL OR s.opens_at <= ?))""";

    private StillAccepting() {
    }

    /** Binds {@link #CONDITION}'s parameters from {@code first} on; returns the index after them. */
    public static int bind(PreparedStatement statement, int first, PublishedSurvey survey, Instant at)
            throws SQLException {
        statement.setObject(first, survey.surveyId());
        statement.setInt(first + 1, survey.version());
        statement.setObject(first + 2, at.atOffset(ZoneOffset.UTC));
        statement.setObject(first + 3, at.atOffset(ZoneOffset.UTC));
        return first + 4;
    }
}
