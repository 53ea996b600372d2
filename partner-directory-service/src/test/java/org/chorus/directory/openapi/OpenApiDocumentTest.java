package org.chorus.directory.openapi;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The directory documents every operation: a summary, who may call it, and its errors as problems. */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class OpenApiDocumentTest {

    @Test
    void everyOperationSaysWhoMayCallItAndDocumentsItsProblems() {
        JsonPath document = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = document.getMap("paths");
        for (var path : paths.entrySet()) {
            for (var operation : path.getValue().entrySet()) {
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                Map<String, Object> details = operation.getValue();
                assertNotNull(details.get("summary"), name + " has a summary");
                assertNotNull(details.get("security"), name + " declares who may call it");
                @SuppressWarnings("unchecked")
                Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) details.get("responses");
                for (String status : List.of("401", "403", "500", "503")) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> content = (Map<String, Object>) responses.get(status).get("content");
                    assertTrue(content.containsKey("application/problem+json"), name + " documents " + status);
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> retryAfter = (Map<String, Object>) responses.get("503").get("headers");
                assertTrue(retryAfter.containsKey("Retry-After"), name + " says when to retry a 503");
            }
        }
        assertEquals(List.of("directory:manage"),
                document.getList("paths.'/api/v1/api-keys/{keyId}/revoke'.post.security[0].apiKey"));
        assertEquals(List.of("secret-key"), document.getList("paths.'/api/v1/places'.get.security[0].apiKey"));
        // Said once, by the platform's filter, for every operation that takes them.
        assertEquals("The ETag last read", document.getString(
                "paths.'/api/v1/organisations/{id}'.put.parameters.find { it.name == 'If-Match' }.description"));
        assertEquals("Makes retries safe: the same key and body return the first result", document.getString(
                "paths.'/api/v1/organisations'.post.parameters.find { it.name == 'Idempotency-Key' }.description"));
    }

    /** Documented once, in the platform, for the handover part of every service. */
    @Test
    void theHandoverPartIsDocumentedAsEveryServicesIs() {
        JsonPath handover = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath().setRootPath("paths.'/api/v1/handover/directory'.get");
        assertEquals("The package, streamed", handover.getString("responses.'200'.description"));
        assertEquals("binary", handover.getString("responses.'200'.content.'application/zip'.schema.format"));
        assertEquals("organisation is missing or not a UUID", handover.getString("responses.'400'.description"));
        assertTrue(handover.getString("responses.'403'.description").startsWith("The key lacks handover:read"));
        assertTrue(handover.getMap("responses.'403'.content").containsKey("application/problem+json"));
        assertEquals("The caller's own organisation", handover.getString("parameters[0].description"));
        assertEquals(List.of("handover:read"), handover.getList("security[0].apiKey"));
    }
}
