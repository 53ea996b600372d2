package org.chorus.survey;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.Map;

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

    @Test
    void servesItsOpenApiDocumentForTheGatewayToMerge() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("info.title", equalTo("Chorus surveys"))
                .body("components.schemas.Problem.properties.errors.type", equalTo("array"));
    }
}
