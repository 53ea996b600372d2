package org.chorus.survey.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.StringJoiner;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The conditions a cursor's snapshot is written as say what PostgreSQL's own {@code pg_visible_in_snapshot} says, for
 * every transaction id around a generated snapshot: before its xmin, among and between those in progress, at and
 * after its xmax.
 */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class CommitSnapshotInPostgresqlTest {

    private final DataSource dataSource;

    @Inject
    CommitSnapshotInPostgresqlTest(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @RepeatedTest(40)
    void committedAndNotCommittedAgreeWithPostgresql(RepetitionInfo repetition) throws SQLException {
        Random random = new Random(repetition.getCurrentRepetition());
        long xmin = 3 + random.nextInt(5_000_000);
        long xmax = xmin + random.nextInt(repetition.getCurrentRepetition() % 4 == 0 ? 1 : 12);
        List<String> inProgress = new ArrayList<>();
        for (long xid = xmin; xid < xmax; xid++) {
            if (xid == xmin || random.nextBoolean()) {
                inProgress.add(Long.toString(xid));
            }
        }
        CommitSnapshot snapshot = new CommitSnapshot(xmin + ":" + xmax + ":" + String.join(",", inProgress));
        String sql = "SELECT x, " + snapshot.committed("x") + ", " + snapshot.notCommitted("x")
                + ", pg_visible_in_snapshot(x, '" + snapshot.text() + "'::pg_snapshot) FROM (SELECT g::text::xid8 "
                + "AS x FROM generate_series(" + (xmin - 3) + ", " + (xmax + 3) + ") g) around";
        StringJoiner disagreements = new StringJoiner("; ");
        int compared = 0;
        try (Connection connection = dataSource.getConnection(); Statement select = connection.createStatement();
                ResultSet rows = select.executeQuery(sql)) {
            while (rows.next()) {
                boolean postgresql = rows.getBoolean(4);
                if (rows.getBoolean(2) != postgresql || rows.getBoolean(3) == postgresql) {
                    disagreements.add(rows.getString(1));
                }
                compared++;
            }
        }
        assertEquals(xmax - xmin + 7, compared);
        assertEquals("", disagreements.toString(), "transaction ids judged otherwise in " + snapshot.text());
    }
}
