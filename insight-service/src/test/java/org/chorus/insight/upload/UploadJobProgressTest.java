package org.chorus.insight.upload;

import static org.awaitility.Awaitility.await;
import static org.chorus.insight.support.InsightFixtures.organisation;
import static org.chorus.insight.support.InsightFixtures.unique;
import static org.chorus.insight.upload.UploadResourceTest.csv;
import static org.chorus.insight.upload.UploadJobs.awaitDone;
import static org.chorus.insight.upload.UploadJobs.idOf;
import static org.chorus.insight.upload.UploadJobs.post;
import static org.chorus.insight.upload.UploadJobs.read;
import static org.chorus.insight.upload.UploadResourceTest.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.hibernate.Hibernate;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * A Healthwatch watching a large job sees how far it got while it runs, chunk by chunk, and once it is done the job no
 * longer keeps a copy of the file.
 */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class UploadJobProgressTest {

    private static final int ROWS = 501;

    @Inject
    DataSource dataSource;

    @Inject
    UploadRepository uploads;

    @Test
    void aRunningJobShowsTheRowsItHasProcessed() throws SQLException {
        String place = unique("wyre");
        UUID org = organisation("Healthwatch Wyre", true, place);
        JsonPath first = awaitDone(org, post(org, "keep-valid", file(place, "Workshop")));
        assertEquals(ROWS, first.getInt("acceptedRows"));

        String location;
        // Holding row 250's activity keeps the corrected file's second chunk waiting, after its first was stored.
        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            try (PreparedStatement lock = blocker.prepareStatement("SELECT id FROM activity WHERE id = ? FOR UPDATE")) {
                lock.setObject(1, UUID.fromString(first.getString("rows[249].activityId")));
                lock.executeQuery().close();
            }
            location = post(org, "keep-valid", file(place, "Workshop, corrected"));
            JsonPath running = await("the first chunk stored").atMost(Duration.ofSeconds(60))
                    .until(() -> read(org, location), job -> job.getInt("processedRows") > 0);
            assertEquals(Map.of("status", "PROCESSING", "processedRows", 200),
                    Map.of("status", running.getString("status"), "processedRows", running.getInt("processedRows")));
            assertFalse(QuarkusTransaction.requiringNew().call(() -> Hibernate.isPropertyInitialized(
                    uploads.findById(idOf(location)), "content")), "reading a running job does not read its file");
            blocker.rollback();
        }
        JsonPath done = awaitDone(org, location);
        assertEquals(Map.of("processedRows", ROWS, "updatedRows", ROWS),
                Map.of("processedRows", done.getInt("processedRows"), "updatedRows", done.getInt("updatedRows")));
        assertFalse(fileStillHeld(location), "a finished job no longer holds the file in its row");
    }

    private boolean fileStillHeld(String location) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement held = c.prepareStatement("SELECT content IS NOT NULL FROM upload WHERE id = ?")) {
            held.setObject(1, idOf(location));
            try (ResultSet row = held.executeQuery()) {
                assertTrue(row.next(), "the job is there");
                return row.getBoolean(1);
            }
        }
    }

    private static String file(String place, String title) {
        return csv(IntStream.rangeClosed(1, ROWS).mapToObj(i -> row("P" + i, title + " " + i, "Workshop",
                "2019-03-14", "", place, "10", "", "", "", "", "", "")).toArray(String[]::new));
    }
}
