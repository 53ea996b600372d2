package org.chorus.survey.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * A cursor's snapshot is read as PostgreSQL's pg_snapshot input reads it, and written into SQL only then; what the SQL
 * says is checked against PostgreSQL itself in {@link CommitSnapshotInPostgresqlTest}.
 */
class CommitSnapshotTest {

    @Test
    void takesWhatPgCurrentSnapshotWrites() {
        assertEquals("748:748:", new CommitSnapshot("748:748:").text());
        assertEquals("740:760:741,755", new CommitSnapshot("740:760:741,755").text());
        assertEquals("transaction_id < '748'::xid8", new CommitSnapshot("748:748:").committed("transaction_id"));
        assertEquals("transaction_id >= '748'::xid8", new CommitSnapshot("748:748:").notCommitted("transaction_id"));
    }

    @Test
    void refusesWhatPostgresqlWouldNot() {
        for (String text : new String[] { "", "740", "740:760", "0:760:", "761:760:", "740:760:739", "740:760:760",
                "740:760:750,745", "740:760:750,750", "740:760:750,", "-1:760:", "740:760: 750",
                "99999999999999999999:1:", "740:760:750' OR '1" }) {
            assertThrows(IllegalArgumentException.class, () -> new CommitSnapshot(text), text);
        }
    }
}
