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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.junit.jupiter.api.Test;

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
