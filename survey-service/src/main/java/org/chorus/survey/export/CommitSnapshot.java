package org.chorus.survey.export;

import java.util.regex.Pattern;

/**
 * Which transactions had committed at a moment, as PostgreSQL's {@code pg_current_snapshot()} writes it
 * ({@code xmin:xmax:xip,...}). A cursor carries one, so the next call can find the rows that committed after it
 * whatever time they were stamped with. Checked at least as strictly as PostgreSQL's own input function checks it,
 * because a cursor comes back from callers and is written into SQL.
 */
record CommitSnapshot(String text) {

    private static final Pattern FORM = Pattern.compile("\\d{1,19}:\\d{1,19}:(\\d{1,19}(,\\d{1,19})*)?");

    /** @throws IllegalArgumentException if PostgreSQL would not read the text as a snapshot */
    CommitSnapshot {
        if (!FORM.matcher(text).matches()) {
            throw new IllegalArgumentException("not a snapshot: " + text);
        }
        String[] parts = text.split(":", -1);
        long xmin = Long.parseLong(parts[0]);
        long xmax = Long.parseLong(parts[1]);
        if (xmin == 0 || xmin > xmax) {
            throw new IllegalArgumentException("not a snapshot: " + text);
        }
        long previous = xmin - 1;
        for (String inProgress : parts[2].isEmpty() ? new String[0] : parts[2].split(",")) {
            long xid = Long.parseLong(inProgress);
            if (xid <= previous || xid >= xmax) {
                throw new IllegalArgumentException("not a snapshot: " + text);
            }
            previous = xid;
        }
    }

    /** SQL: the row's transaction had committed in this snapshot. */
    String committed(String transactionColumn) {
        return "pg_visible_in_snapshot(" + transactionColumn + ", " + literal() + ")";
    }

    /** SQL: the row's transaction had not committed in this snapshot; the xmin bound lets an index find them. */
    String notCommitted(String transactionColumn) {
        return transactionColumn + " >= '" + text.substring(0, text.indexOf(':')) + "'::xid8 AND NOT "
                + committed(transactionColumn);
    }

    private String literal() {
        return "'" + text + "'::pg_snapshot";
    }
}
