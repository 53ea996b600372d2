package org.chorus.insight.upload;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.chorus.insight.support.InsightFixtures.organisation;
import static org.chorus.insight.support.InsightFixtures.publishFinding;
import static org.chorus.insight.support.InsightFixtures.unique;
import static org.chorus.insight.support.InsightFixtures.writer;
import static org.chorus.insight.upload.UploadJobs.awaitDone;
import static org.chorus.insight.upload.UploadJobs.idOf;
import static org.chorus.insight.upload.UploadJobs.post;
import static org.chorus.insight.upload.UploadResourceTest.csv;
import static org.chorus.insight.upload.UploadResourceTest.row;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.platform.testing.HeldTransaction;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * An all-or-nothing job keeps its promise however long its one transaction runs and whatever is committed meanwhile:
 * it is not cut off by the transaction manager's default timeout, no other replica takes it over as dead, and a row
 * that stops fitting between the judging and the storing costs the whole file, not just that row.
 */
@QuarkusTest
@TestProfile(AllOrNothingJobTest.ShortTransactions.class)
@WithTestResource(ChorusTestInfrastructure.class)
class AllOrNothingJobTest {

    /** A default transaction timeout a test can outlast in seconds, not the minute it is in production. */
    public static class ShortTransactions implements QuarkusTestProfile {

        static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.transaction-manager.default-transaction-timeout", DEFAULT_TIMEOUT.toSeconds() + "s");
        }
    }

    private static final int ROWS = 501;

    @Inject
    UploadRepository uploads;

    @Inject
    DataSource dataSource;

    @Inject
    EntityManager entityManager;

    @Test
    void aJobThatOutlastsTheDefaultTransactionTimeoutStoresEveryRow() throws SQLException {
        String place = unique("wyre");
        UUID org = organisation("Healthwatch Wyre", true, place);
        String location;
        // Holding back every write to activities keeps the job's one transaction open, as a very large file would.
        try (Connection blocker = lockActivities()) {
            location = postHeldBack(org, file(place, 1, "Workshop"));
            UUID id = idOf(location);
            Instant pastTheDefault = job(id).heartbeatAt.plus(ShortTransactions.DEFAULT_TIMEOUT).plusSeconds(1);
            UploadEntity job = await("the job outlasts the default timeout, or ends").atMost(Duration.ofSeconds(30))
                    .until(() -> job(id), j -> j.status != UploadStatus.PROCESSING
                            || j.heartbeatAt.isAfter(pastTheDefault));
            assertEquals(UploadStatus.PROCESSING, job.status, "the job was cut off while its transaction was open");
            blocker.rollback();
        }
        JsonPath done = awaitDone(org, location);
        assertEquals(ROWS, done.getInt("acceptedRows"), () -> done.getList("rows.reasons").toString());
    }

    @Test
    void aLongJobKeepsItsHeartbeatFreshSoNoOtherReplicaTakesItOver() throws SQLException {
        String place = unique("pendle");
        UUID org = organisation("Healthwatch Pendle", true, place);
        String location;
        try (Connection blocker = lockActivities()) {
            location = postHeldBack(org, file(place, 1, "Workshop"));
            UUID id = idOf(location);
            Instant first = job(id).heartbeatAt;
            Instant later = await().atMost(Duration.ofSeconds(30)).until(() -> job(id).heartbeatAt,
                    h -> h.isAfter(first));
            await().atMost(Duration.ofSeconds(30)).until(() -> job(id).heartbeatAt, h -> h.isAfter(later));
            UploadEntity running = job(id);
            assertEquals(UploadStatus.PROCESSING, running.status);
            assertEquals(0, running.processedRows, "still inside its one transaction");
            assertTrue(QuarkusTransaction.requiringNew().call(
                    () -> uploads.claim(Instant.now().minusSeconds(5)).filter(u -> u.id.equals(id)).isEmpty()),
                    "a job whose worker is alive is not there to be taken over");
            blocker.rollback();
        }
        assertEquals(ROWS, awaitDone(org, location).getInt("acceptedRows"));
    }

    @Test
    void aRowThatStopsFittingWhileTheJobRunsKeepsTheWholeFileOut() throws Exception {
        String place = unique("fylde");
        UUID org = organisation("Healthwatch Fylde", true, place);
        // row 450's activity has two findings; the corrected file drops the second, allowed while it is unpublished
        JsonPath first = awaitDone(org, post(org, "keep-valid", file(place, 2, "Workshop")));
        assertEquals(ROWS, first.getInt("acceptedRows"));
        String secondFinding = first.getString("rows[449].findingIds[1]");

        String corrected = file(place, 1, "Workshop, corrected");
        UUID firstActivity = UUID.fromString(first.getString("rows[0].activityId"));
        String location;
        try (HeldTransaction<?> blocker = HeldTransaction.open(() -> holdFromChanging(firstActivity))) {
            // every row judged good; the job now waits to lock its first corrected activity
            location = post(org, "all-or-nothing", corrected);
            blocker.awaitBlocked("activity");
            publishFinding(writer(org), secondFinding);
        }
        JsonPath done = awaitDone(org, location);

        assertEquals(Map.of("accepted", 0, "updated", 0, "rejected", 1, "skipped", ROWS - 1),
                Map.of("accepted", done.getInt("acceptedRows"), "updated", done.getInt("updatedRows"),
                        "rejected", done.getInt("rejectedRows"), "skipped", done.getInt("skippedRows")));
        assertTrue(done.getString("rows[449].reasons[0]").contains("finding 2 is published"),
                () -> done.getString("rows[449]"));
        given().header("Authorization", writer(org))
                .when().get("/api/v1/activities/" + first.getString("rows[0].activityId"))
                .then().statusCode(200).body("title", equalTo("Workshop 1"));
    }

    /** Row 450 with as many findings as asked, the others with none; titles are the given one and the row number. */
    private static String file(String place, int findingsOfRow450, String title) {
        List<String> rows = new ArrayList<>();
        for (int i = 1; i <= ROWS; i++) {
            rows.add(row("A" + i, title + " " + i, "Workshop", "2019-03-14", "", place, "10", "",
                    i == 450 ? "Long waits for referrals" : "", "", i == 450 ? "Concern" : "", "", ""));
            if (i == 450 && findingsOfRow450 == 2) {
                rows.add(row("A450", "", "", "", "", "", "", "", "Young carers want apps", "", "Positive", "", ""));
            }
        }
        return csv(rows.toArray(String[]::new));
    }

    /** Holds one activity as a finding being recorded of it does, so that the rows of others can still be locked. */
    private List<?> holdFromChanging(UUID activityId) {
        return entityManager.createNativeQuery("SELECT 1 FROM activity WHERE id = :id FOR SHARE")
                .setParameter("id", activityId).getResultList();
    }

    private Connection lockActivities() throws SQLException {
        Connection blocker = dataSource.getConnection();
        blocker.setAutoCommit(false);
        try (Statement lock = blocker.createStatement()) {
            lock.execute("LOCK TABLE activity IN EXCLUSIVE MODE");
        }
        return blocker;
    }

    /** Sends a file all-or-nothing, and returns its Location once the job waits to write its first row. */
    private String postHeldBack(UUID org, String csv) {
        String location = post(org, "all-or-nothing", csv);
        awaitBlockedOnActivities();
        return location;
    }

    /** Until a session waits for the lock on activities: the job, about to write its first row. */
    private void awaitBlockedOnActivities() {
        await("the job waits to write").atMost(Duration.ofSeconds(60)).until(() -> {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                    ResultSet waiting = s.executeQuery("SELECT count(*) FROM pg_locks "
                            + "WHERE NOT granted AND relation = 'activity'::regclass")) {
                waiting.next();
                return waiting.getInt(1) > 0;
            }
        });
    }

    private UploadEntity job(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> uploads.findById(id));
    }
}
