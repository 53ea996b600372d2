package org.chorus.insight.upload;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.chorus.insight.support.InsightFixtures.organisation;
import static org.chorus.insight.support.InsightFixtures.unique;
import static org.chorus.insight.support.InsightFixtures.writer;
import static org.chorus.insight.upload.UploadResourceTest.csv;
import static org.chorus.insight.upload.UploadResourceTest.row;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.chorus.insight.activity.ActivityEntity;
import org.chorus.insight.activity.ActivityInput;
import org.chorus.insight.activity.ActivityRepository;
import org.chorus.insight.activity.ActivityService;
import org.chorus.insight.activity.EngagementMethod;
import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.events.contract.UploadData;
import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.platform.testing.EventProbe;
import org.chorus.platform.testing.HeldTransaction;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** A job whose worker died part-way (the process stopped) is taken over and finished by another worker. */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class UploadJobRecoveryTest {

    @Inject
    UploadRepository uploads;

    @Inject
    UploadChunks chunks;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    ActivityService activityService;

    @Inject
    ActivityRepository activities;

    @Test
    void aStalledJobIsTakenOverAndFinished() throws InterruptedException {
        String place = unique("barrow");
        UUID org = organisation("Healthwatch Barrow", true, place);
        String file = csv(row("S1", "Workshop", "Workshop", "2019-03-14", "", place, "10", "", "", "", "", "", ""),
                row("S2", "Event", "Neighbourhood event", "2019-03-15", "", place, "30", "", "", "", "", "", ""));
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> uploads.persist(stalled(id, org, file)));

        await("the stalled job finished").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().header("Authorization", writer(org)).when().get("/api/v1/uploads/" + id)
                        .then().statusCode(200).extract().path("status"), equalTo("DONE"));
        given().header("Authorization", writer(org)).when().get("/api/v1/uploads/" + id)
                .then().body("status", equalTo("DONE")).body("rows.status", contains("ACCEPTED", "ACCEPTED"));
    }

    /**
     * The first worker stored the first chunk and died: the job goes on after it, and the report gives those rows as
     * that worker stored them (ACCEPTED, with their activities), not as found stored when run again (UNCHANGED).
     */
    @Test
    void aJobTakenOverAfterItsFirstChunkReportsThatChunkAsItsFirstWorkerStoredIt() throws Exception {
        String place = unique("ulverston");
        UUID org = organisation("Healthwatch Ulverston", true, place);
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            rows.add(row("T" + i, "Drop-in " + i, "Workshop", "2019-03-14", "", place, "10", "", "", "", "", "", ""));
        }
        // the first worker's chunk: its 200 rows stored, and their outcomes recorded with them
        String firstChunk = given().header("Authorization", writer(org)).contentType("text/csv")
                .body(csv(rows.subList(0, 200).toArray(String[]::new))).when().post("/api/v1/uploads")
                .then().statusCode(201).body("acceptedRows", equalTo(200)).extract().path("id");
        List<RowResult> stored = QuarkusTransaction.requiringNew().call(() -> objectMapper.readValue(
                uploads.findById(UUID.fromString(firstChunk)).report, new TypeReference<List<RowResult>>() {
                }));
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            UploadEntity job = stalled(id, org, csv(rows.toArray(String[]::new)));
            job.totalRows = 250;
            job.processedRows = 200;
            job.columnMapping = Map.of();
            uploads.persist(job);
            uploads.flush();
            chunks.record(id, 0, stored);
        });

        await("the job taken over finished").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().header("Authorization", writer(org)).when().get("/api/v1/uploads/" + id)
                        .then().statusCode(200).extract().path("status"), equalTo("DONE"));
        var report = given().header("Authorization", writer(org)).when().get("/api/v1/uploads/" + id)
                .then().body("acceptedRows", equalTo(250)).body("unchangedRows", equalTo(0))
                .body("rows.size()", equalTo(250)).extract();
        assertEquals(stored.stream().map(r -> r.activityId().toString()).toList(),
                report.<List<String>>path("rows.activityId").subList(0, 200), "the first worker's activities");
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> chunks.recorded(id).size()).longValue(),
                "the chunks' outcomes are forgotten once the report is whole");
        EventProbe.await(ChorusEventTypes.INSIGHT_UPLOADS, e -> e.aggregateId().equals(id.toString()),
                Duration.ofSeconds(20));
        var finished = EventProbe.all(ChorusEventTypes.INSIGHT_UPLOADS, e -> e.aggregateId().equals(id.toString()));
        assertEquals(1, finished.size(), "one UploadFinished for the job, whoever finished it");
        UploadData data = finished.get(0).dataAs(objectMapper, UploadData.class);
        assertEquals(List.of(250, 250, 0), List.of(data.processedRows(), data.acceptedRows(), data.unchangedRows()));
    }

    /**
     * A job waiting while its organisation renames its columns is read by the names it was sent with: read by the new
     * ones, its file could not be read, and the job was taken up and failed again for good.
     */
    @Test
    void aJobIsReadByTheColumnNamesItCameWithNotOnesSavedSince() {
        String place = unique("kendal");
        UUID org = organisation("Healthwatch Kendal", true, place);
        given().header("Authorization", writer(org)).contentType("application/json")
                .body("{\"columns\": {\"Location\": \"place_codes\"}}").when().put("/api/v1/uploads/column-mapping")
                .then().statusCode(200);
        // sent while the organisation called the column Where, which it has renamed Location since
        String sent = "reference,title,method,start_date,Where,participant_count\r\nK1,Drop-in,Workshop,"
                + "2019-03-14," + place + ",10\r\n";
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            UploadEntity job = stalled(id, org, sent);
            job.status = UploadStatus.PENDING;
            job.heartbeatAt = null;
            job.totalRows = 1;
            job.columnMapping = Map.of("Where", "place_codes");
            uploads.persist(job);
        });

        await("the job finished").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().header("Authorization", writer(org)).when().get("/api/v1/uploads/" + id)
                        .then().statusCode(200).extract().path("status"), equalTo("DONE"));
        given().header("Authorization", writer(org)).when().get("/api/v1/uploads/" + id)
                .then().body("rows.status", contains("ACCEPTED"));
    }

    /**
     * A small file is processed while its caller waits, and meanwhile its upload holds the file and a heartbeat as a
     * job does: had this replica died then, a worker would take it over. It held neither, and stayed PROCESSING.
     */
    @Test
    void aSmallFileBeingProcessedIsAJobAWorkerCouldTakeOver() throws Exception {
        String place = unique("grange");
        UUID org = organisation("Healthwatch Grange", true, place);
        ActivityInput held = new ActivityInput("G1", "Held", EngagementMethod.WORKSHOP, LocalDate.of(2019, 3, 14), null,
                List.of(place), 10, List.of(), null, null, null);
        try (HeldTransaction<ActivityEntity> other = HeldTransaction.open(() -> {
            ActivityEntity stored = activityService.storeChecked(org, null, held);
            activities.flush();
            return stored;
        })) {
            // the upload's first chunk waits on the reference the held transaction is storing
            CompletableFuture<String> upload = CompletableFuture.supplyAsync(() -> given()
                    .header("Authorization", writer(org)).contentType("text/csv")
                    .body(csv(row("G1", "Drop-in", "Workshop", "2019-03-14", "", place, "10", "", "", "", "", "", "")))
                    .when().post("/api/v1/uploads").then().statusCode(201).extract().path("id"));
            other.awaitSomeoneBlocked();

            UploadEntity processing = QuarkusTransaction.requiringNew().call(() -> {
                UploadEntity found = uploads.find("organisationId", org).firstResult();
                assertTrue(found.content != null && found.content.length > 0, "the file, to be read again");
                return found;
            });
            assertEquals(UploadStatus.PROCESSING, processing.status);
            assertTrue(processing.heartbeatAt != null, "a heartbeat, which stops if this replica dies");

            other.commit();
            String id = upload.get(1, TimeUnit.MINUTES);
            given().header("Authorization", writer(org)).when().get("/api/v1/uploads/" + id)
                    .then().body("status", equalTo("DONE")).body("rows.size()", equalTo(1));
        }
    }

    /** What a worker that died after claiming the job leaves behind. */
    private static UploadEntity stalled(UUID id, UUID org, String file) {
        UploadEntity upload = new UploadEntity();
        upload.id = id;
        upload.organisationId = org;
        upload.format = UploadFormat.CSV;
        upload.mode = UploadMode.KEEP_VALID;
        upload.status = UploadStatus.PROCESSING;
        upload.totalRows = 2;
        upload.content = file.getBytes(StandardCharsets.UTF_8);
        upload.createdAt = Instant.now().minus(Duration.ofMinutes(10));
        upload.heartbeatAt = Instant.now().minus(Duration.ofMinutes(5));
        return upload;
    }
}
