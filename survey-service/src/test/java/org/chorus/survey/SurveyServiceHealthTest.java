package org.chorus.survey;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.platform.testing.ManagementPort;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The survey service boots against a real database with the platform's tables migrated. */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class SurveyServiceHealthTest {

    @Test
    void isReadyWithItsDatabase() {
        given().when().get(ManagementPort.url("/q/health/ready"))
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void servesItsOpenApiDocumentForTheGatewayToMerge() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("info.title", equalTo("Chorus surveys"))
                .body("components.schemas.Problem.properties.errors.type", equalTo("array"));
    }
}
