package org.chorus.survey.export;

import java.time.Instant;

/**
 * Which rows a call holds by when they committed, beside the times it asks for: those committed by the snapshot it was
 * planned at; and, when it resumes from a cursor that carries a snapshot, also the rows stamped before the cursor's
 * time that committed after the cursor's snapshot. A stamp is taken when a request arrives and a row is seen when it
 * commits, so times alone skip a row whose commit came after the previous call had read past its stamp.
 *
 * @param upTo the call's snapshot, which its next cursor carries
 * @param resumed the cursor's position, or null when the call starts from the beginning
 * @param since the earliest time asked for, or null
 */
record CommitWindow(CommitSnapshot upTo, ExportCursor.Position resumed, Instant since) {

    /** SQL: the row committed by this call's snapshot; every row a call holds does. */
    String committed(String transactionColumn) {
        return upTo.committed(transactionColumn);
    }

    /** Whether the call also holds rows stamped before the cursor's time that committed after its snapshot. */
    boolean catchesUp() {
        return resumed != null && resumed.seen() != null && (since == null || since.isBefore(resumed.upTo()));
    }

    /** The cursor's time, before which rows are held only when they committed late. */
    Instant resumedAt() {
        return resumed.upTo();
    }

    /** SQL: the row committed after the cursor's snapshot and by this call's; only when {@link #catchesUp()}. */
    String committedLate(String transactionColumn) {
        return resumed.seen().notCommitted(transactionColumn) + " AND " + committed(transactionColumn);
    }
}
