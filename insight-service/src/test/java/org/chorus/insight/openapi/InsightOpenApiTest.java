package org.chorus.insight.openapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Every operation of the insight service is documented, and uploads say which files they take. */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class InsightOpenApiTest {

    @Test
    void everyOperationHasASummaryAndUploadsDocumentTheirFiles() {
        var document = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/v1/uploads/template.csv"))
                .body("paths", hasKey("/api/v1/uploads/schema.json"))
                .body("paths", hasKey("/api/v1/reach"))
                .body("paths.'/api/v1/uploads'.post.requestBody.content.'text/csv'", notNullValue())
                .body("paths.'/api/v1/uploads'.post.responses", hasKey("202"))
                // Brought by the If-Match and Idempotency-Key parameters, declared by no resource.
                .body("paths.'/api/v1/activities/{id}'.put.responses", hasKey("412"))
                .body("paths.'/api/v1/activities/{id}'.put.responses.'428'.description", equalTo("If-Match missing"))
                .body("paths.'/api/v1/findings'.post.responses.'409'.content", hasKey("application/problem+json"))
                .body("paths.'/api/v1/findings/{id}/publish'.post.responses", not(hasKey("412")))
                // Brought by the operation's shape and the resource's ownership rule, written by no resource.
                .body("paths.'/api/v1/findings/{id}'.put.responses.'403'.description",
                        containsString("the finding belongs to another organisation (not-owner)"))
                .body("paths.'/api/v1/findings/{id}'.get.responses.'403'.description", not(containsString("not-owner")))
                .body("paths.'/api/v1/findings/{id}'.put.responses.'422'.content", hasKey("application/problem+json"))
                .body("paths.'/api/v1/findings/{id}/withdraw'.post.responses.'404'.content",
                        hasKey("application/problem+json"))
                .body("paths.'/api/v1/findings/{id}/withdraw'.post.responses", not(hasKey("422")))
                .body("paths.'/api/v1/themes'.get.responses.'400'.description",
                        equalTo("A query parameter was sent: this operation takes none"))
                .body("paths.'/api/v1/findings/{id}'.put", not(hasKey("x-chorus-owned")))
                .body("tags.find { it.name == 'Findings' }", not(hasKey("x-chorus-owned")))
                .extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = document.getMap("paths");
        List<String> undocumented = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (path.startsWith("/api/v1/") && operation.get("summary") == null) {
                undocumented.add(method + " " + path);
            }
        }));
        assertTrue(undocumented.isEmpty(), "operations without a summary: " + undocumented);
        assertTrue(paths.keySet().stream().filter(p -> p.startsWith("/api/")).allMatch(p -> p.startsWith("/api/v1/activities")
                || p.startsWith("/api/v1/findings") || p.startsWith("/api/v1/themes") || p.startsWith("/api/v1/actions")
                || p.startsWith("/api/v1/uploads") || p.startsWith("/api/v1/reach")
                || p.startsWith("/api/v1/handover/insight")),
                "every path is under a prefix the gateway routes here: " + paths.keySet());
    }
}
