package org.chorus.survey;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.Map;

import org.chorus.platform.background.DaemonLoop;
import org.chorus.platform.testing.CapturedLog;
import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.platform.testing.ManagementPort;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The survey service boots against a real database with the platform's tables migrated, and says so to probes. */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class SurveyServiceHealthTest {

    @Test
    void isReadyWithItsDatabaseAndLiveWithItsBackgroundLoops() {
        Map.of("/q/health/ready", "Database connections health check", "/q/health/live", "background-loops")
                .forEach((probe, check) -> given().when().get(ManagementPort.url(probe))
                        .then().statusCode(200)
                        .body("status", equalTo("UP"))
                        .body("checks.name", hasItem(check)));
    }

    /** A loop of this JVM, as the outbox relay's is, ended by an Error: the probe asks for a restart, naming it. */
    @Test
    void isNotLiveOnceAnErrorStoppedABackgroundLoop() throws InterruptedException {
        DaemonLoop loop = new DaemonLoop("survey-test-loop");
        try (CapturedLog log = CapturedLog.of(DaemonLoop.class)) {
            loop.start(() -> {
                throw new OutOfMemoryError("test");
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> log.records().size() == 1);
            given().when().get(ManagementPort.url("/q/health/live"))
                    .then().statusCode(503)
                    .body("status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'background-loops' }.data.stoppedByAnError",
                            equalTo("survey-test-loop"));
        } finally {
            loop.stop(() -> { });
        }
        given().when().get(ManagementPort.url("/q/health/live")).then().statusCode(200);
    }

    @Test
    void servesItsOpenApiDocumentForTheGatewayToMerge() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("info.title", equalTo("Chorus surveys"))
                .body("components.schemas.Problem.properties.errors.type", equalTo("array"));
    }
}
