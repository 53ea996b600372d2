package org.chorus.survey.coding.answer;

import org.chorus.platform.web.paging.Cursor;
import org.chorus.platform.web.problem.ProblemException;

/** The coder's list is sorted uncoded first, then by submission and question: its cursor holds all of that. */
final class ListCursor {

    private static final String SEPARATOR = "|";

    private ListCursor() {
    }

    static String encode(CodedAnswer last) {
        return new Cursor((last.coding() != null) + SEPARATOR + last.submittedAt() + SEPARATOR + last.questionId(),
                last.responseId()).encode();
    }

    /** @return null when no cursor was given */
    static CodingStore.ListPosition decode(String encoded) {
        Cursor cursor = Cursor.decode(encoded);
        if (cursor == null) {
            return null;
        }
        String[] parts = cursor.sortValue().split("\\" + SEPARATOR, 3);
        if (parts.length != 3 || !(parts[0].equals("true") || parts[0].equals("false"))) {
            throw ProblemException.invalidParameter("cursor", "not a cursor this list issued");
        }
        return new CodingStore.ListPosition(Boolean.parseBoolean(parts[0]),
                new Cursor(parts[1], cursor.id()).instant(), cursor.id(), parts[2]);
    }
}
