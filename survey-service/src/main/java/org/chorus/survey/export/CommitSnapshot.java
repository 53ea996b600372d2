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

    /**
     * SQL: the row's transaction had committed in this snapshot. Written with comparisons rather than
     * {@code pg_visible_in_snapshot}, whose selectivity the planner cannot estimate: guessing it at a third, it sorted
     * a million-row export on disk instead of reading it in order from the index.
     */
    String committed(String transactionColumn) {
        String inProgress = inProgress();
        String beforeXmax = transactionColumn + " < '" + xmax() + "'::xid8";
        return inProgress.isEmpty() ? beforeXmax
                : "(" + transactionColumn + " < '" + xmin() + "'::xid8 OR (" + beforeXmax + " AND " + transactionColumn
                        + " <> ALL('{" + inProgress + "}'::xid8[])))";
    }

    /** SQL: the row's transaction had not committed in this snapshot; bounded below, so that an index finds them. */
    String notCommitted(String transactionColumn) {
        String inProgress = inProgress();
        String fromXmax = transactionColumn + " >= '" + xmax() + "'::xid8";
        return inProgress.isEmpty() ? fromXmax
                : transactionColumn + " >= '" + xmin() + "'::xid8 AND (" + fromXmax + " OR " + transactionColumn
                        + " = ANY('{" + inProgress + "}'::xid8[]))";
    }

    private String xmin() {
        return text.split(":", -1)[0];
    }

    private String xmax() {
        return text.split(":", -1)[1];
    }

    private String inProgress() {
        return text.split(":", -1)[2];
    }
}
