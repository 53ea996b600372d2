package org.chorus.insight.common;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.chorus.platform.web.paging.Cursor;
import org.chorus.platform.web.problem.FieldError;
import org.chorus.platform.web.problem.ProblemException;

/** Reads the date of a cursor for lists ordered by date; a tampered cursor is a 400 like any other bad cursor. */
public final class DateCursors {

    private DateCursors() {
    }

    public static LocalDate dateOf(Cursor cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            return LocalDate.parse(cursor.sortValue());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-parameter", "Request parameter is not valid",
                    "cursor: not a cursor this API issued",
                    List.of(FieldError.parameter("cursor", "not a cursor this API issued")));
        }
    }
}
