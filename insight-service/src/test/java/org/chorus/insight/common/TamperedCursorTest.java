package org.chorus.insight.common;

import static io.restassured.RestAssured.given;
import static org.chorus.insight.support.InsightFixtures.reader;
import static org.hamcrest.Matchers.hasItem;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Cursors are opaque but anyone can edit one: a well-formed cursor whose date or time is not one, or is one
 * PostgreSQL cannot hold, is a 400 problem naming the cursor parameter on every list ordered by either, never a 500.
 */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class TamperedCursorTest {

    private static final List<String> LISTS = List.of("/api/v1/activities", "/api/v1/findings", "/api/v1/actions",
            "/api/v1/uploads");

    @Test
    void aCursorWithADateBeyondPostgresqlIsABadCursor() {
        for (String sortValue : List.of("+999999999-12-31", "-999999999-01-01", "2026-02-30", "yesterday",
                "+300000-01-01T00:00:00Z", "2026-02-30T10:00:00Z")) {
            for (String list : LISTS) {
                given().header("Authorization", reader()).queryParam("cursor", cursor(sortValue))
                        .when().get(list)
                        .then().statusCode(400).contentType("application/problem+json")
                        .body("errors.parameter", hasItem("cursor"));
            }
        }
    }

    private static String cursor(String sortValue) {
        String raw = sortValue + "\n" + UUID.randomUUID();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }
}
