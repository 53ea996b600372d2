package org.chorus.insight.upload;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.chorus.insight.support.InsightFixtures.writer;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.UUID;

import io.restassured.path.json.JsonPath;

/** Sends a file as a job and follows it at its Location, as a Healthwatch's tool does. */
final class UploadJobs {

    private UploadJobs() {
    }

    /** @return the job's Location */
    static String post(UUID organisation, String mode, String csv) {
        return given().header("Authorization", writer(organisation)).header("Idempotency-Key", UUID.randomUUID())
                .queryParam("mode", mode).contentType("text/csv").body(csv)
                .when().post("/api/v1/uploads").then().statusCode(202).extract().header("Location");
    }

    /** The job's id, the last segment of its Location. */
    static UUID idOf(String location) {
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    static JsonPath read(UUID organisation, String location) {
        return given().header("Authorization", writer(organisation)).when().get(location)
                .then().statusCode(200).extract().jsonPath();
    }

    static JsonPath awaitDone(UUID organisation, String location) {
        await("the job done").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> read(organisation, location).getString("status"), equalTo("DONE"));
        return read(organisation, location);
    }
}
