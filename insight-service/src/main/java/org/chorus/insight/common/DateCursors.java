package org.chorus.insight.common;

import java.time.DateTimeException;
import java.time.LocalDate;

import java.util.List;

import org.chorus.platform.web.paging.Cursor;
import org.chorus.platform.web.problem.FieldError;
import org.chorus.platform.web.problem.ProblemException;

/** Reads the date of a cursor for lists ordered by date; a tampered cursor is a 400 like any other bad cursor. */
public final class DateCursors {

    /** PostgreSQL's date range: a cursor beyond it was not issued here and would fail in the query as a 500. */
    private static final LocalDate EARLIEST = LocalDate.of(-4712, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(5_874_897, 12, 31);

    private DateCursors() {
    }

    public static LocalDate dateOf(Cursor cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(cursor.sortValue());
            if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
                throw new DateTimeException("out of range: " + date);
            }
            return date;
        } catch (DateTimeException e) {
            throw ProblemException.badRequest("invalid-parameter", "Request parameter is not valid",
                    "cursor: not a cursor this API issued",
                    List.of(FieldError.parameter("cursor", "not a cursor this API issued")));
        }
    }
}
