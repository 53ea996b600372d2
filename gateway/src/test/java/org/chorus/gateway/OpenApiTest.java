package org.chorus.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;

import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.platform.testing.ManagementPort;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
@WithTestResource(StubServices.class)
class OpenApiTest {

    @Test
    void servesTheMergedDocumentOfTheServicesThatAreUp() {
        given().get("/q/openapi").then()
                .statusCode(200)
                .contentType(containsString("application/json"))
                .body("info.title", equalTo("Chorus API"))
                // from the directory stub
                .body("paths", hasKey("/api/v1/organisations"))
                // from the survey stub
                .body("paths", hasKey("/api/v1/surveys"))
                // documented by the directory, but the gateway routes it to the survey service
                .body("paths", not(hasKey("/api/v1/surveys/not-mine")))
                .body("components.securitySchemes.apiKey.type", equalTo("http"))
                .body("components.securitySchemes.apiKey.scheme", equalTo("bearer"))
                .body("components.securitySchemes", not(hasKey("SecurityScheme")))
                .body("security[0]", hasKey("apiKey"))
                .body("paths.'/api/v1/organisations'.get.security[0].apiKey", empty())
                .body("components.schemas.Problem.properties", hasKey("title"))
                .body("components.schemas.Organisation.properties", hasKey("name"))
                .body("components.schemas.SurveyOrganisation.properties", hasKey("surveyOwner"))
                .body("paths.'/api/v1/surveys'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/SurveyOrganisation"))
                .body("paths.'/api/v1/organisations'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/Organisation"));
    }

    @Test
    void servesJsonOnAskingAndYamlOnAsking() {
        given().get("/q/openapi?format=json").then()
                .statusCode(200)
                .contentType(containsString("application/json"))
                .body("info.title", equalTo("Chorus API"));
        given().get("/q/openapi?format=yaml").then()
                .statusCode(200)
                .contentType(containsString("application/yaml"))
                .body(containsString("title: \"Chorus API\""));
    }

    @Test
    void swaggerUiShowsTheMergedDocument() {
        given().get("/q/swagger-ui/").then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("/q/openapi"));
    }

    @Test
    void healthAndMetricsAreServedOnTheManagementPortOnly() {
        GatewayTestSupport.awaitReady();
        given().get(ManagementPort.url("/q/health/ready")).then()
                .statusCode(200)
                .body("checks.find { it.name == 'directory-replicas' }.status", equalTo("UP"));
        // Request metrics exist once an API request was answered (those of /q are not counted), whichever test of
        // this class runs first.
        given().get("/api/v1/places").then().statusCode(401);
        given().get(ManagementPort.url("/q/metrics")).then()
                .statusCode(200)
                .body(containsString("http_server_requests"));
        assertNotEquals(RestAssured.port, ManagementPort.port());

        for (String path : List.of("/q/metrics", "/q/health", "/q/health/ready", "/q/health/live")) {
            given().get(path).then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("status", equalTo(404))
                    .body(not(containsString("http_server_requests")));
        }
    }
}
