package org.chorus.survey.definition;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;

import org.chorus.platform.web.paging.Cursor;
import org.chorus.platform.web.problem.FieldError;
import org.chorus.platform.web.problem.ProblemException;

/**
 * Reads the time of a cursor for lists ordered by time. Anyone can edit a cursor, so a sort value that is no
 * instant, or one PostgreSQL cannot hold, is a 400 naming the parameter like any other bad cursor, never a 500.
 */
public final class CursorTimes {

    /** PostgreSQL's timestamp range: a cursor beyond it was not issued here and would fail in the query. */
    private static final Instant EARLIEST = Instant.parse("-4713-11-24T00:00:00Z");
    private static final Instant LATEST = Instant.parse("+294276-12-31T23:59:59Z");

    private CursorTimes() {
    }

    /** @return the cursor's instant, or null when there is no cursor */
    public static Instant timeOf(Cursor cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            Instant time = Instant.parse(cursor.sortValue());
            if (time.isBefore(EARLIEST) || time.isAfter(LATEST)) {
                throw new DateTimeException("out of range: " + time);
            }
            return time;
        } catch (DateTimeException e) {
            String rule = "not a cursor this API issued";
            throw ProblemException.badRequest("invalid-parameter", "Request parameter is not valid", "cursor: " + rule,
                    List.of(FieldError.parameter("cursor", rule)));
        }
    }
}
