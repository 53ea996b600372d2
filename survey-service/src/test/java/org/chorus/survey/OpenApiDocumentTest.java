package org.chorus.survey;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Every operation of the survey API is in the OpenAPI document the gateway merges, with a summary. */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class OpenApiDocumentTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationIsDocumentedWithASummary() {
        Map<String, Map<String, Map<String, Object>>> paths = given().queryParam("format", "json")
                .when().get("/q/openapi").then().statusCode(200).extract().path("paths");
        assertTrue(paths.keySet().containsAll(List.of("/api/v1/surveys", "/api/v1/surveys/{id}",
                "/api/v1/surveys/{id}/publish", "/api/v1/surveys/{id}/close", "/api/v1/surveys/{surveyId}/responses",
                "/api/v1/responses/{responseId}", "/api/v1/surveys/{surveyId}/results",
                "/api/v1/surveys/{surveyId}/results/summary", "/api/v1/surveys/{surveyId}/results/publish",
                "/api/v1/surveys/{surveyId}/results/withdraw",
                "/api/v1/surveys/{surveyId}/responses/export", "/api/v1/surveys/{surveyId}/responses/changes",
                "/api/v1/exports/audit")), paths.keySet().toString());
        List<String> undocumented = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (!(operation.get("summary") instanceof String summary) || summary.isBlank()) {
                undocumented.add(method + " " + path);
            }
        }));
        assertEquals(List.of(), undocumented);
        assertTrue(paths.keySet().stream().allMatch(p -> p.startsWith("/api/v1/surveys")
                || p.startsWith("/api/v1/coding-frames")
                || p.startsWith("/api/v1/responses") || p.startsWith("/api/v1/exports")
                || p.equals("/api/v1/handover/surveys")),
                "only paths the gateway routes to this service");
    }

    @Test
    void thePublishedSummaryIsForWebsitesAndEverySecretKey() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/surveys/{surveyId}/results/summary'.get.security[0].apiKey",
                        containsInAnyOrder("public", "secret-key"))
                .body("paths.'/api/v1/surveys/{surveyId}/results/summary'.get.parameters.name", not(hasItem("by")))
                .body("paths.'/api/v1/surveys/{surveyId}/results/publish'.post.security[0].apiKey",
                        contains("surveys:manage"));
    }

    /** Text is written as its languages ({"en": ...}); the record's own field is not part of the JSON. */
    @Test
    void aTextIsLabelsByLanguageOnly() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("components.schemas.Text.additionalProperties.type", equalTo("string"))
                .body("components.schemas.Text", not(hasKey("properties")));
    }

    @Test
    void theExportSaysWhichScopesContactDetailsNeed() {
        String export = "paths.'/api/v1/surveys/{surveyId}/responses/export'.get";
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body(export + ".security[0].apiKey", contains("exports:read"))
                .body(export + ".parameters.find { it.name == 'includeContact' }.'x-required-scopes'",
                        contains("exports:read", "contacts:read"))
                .body(export + ".parameters.find { it.name == 'includeContact' }.schema.type", equalTo("boolean"));
    }
}
