package org.chorus.gateway;

import static io.restassured.RestAssured.given;
import static org.chorus.gateway.GatewayTestSupport.issue;
import static org.chorus.gateway.GatewayTestSupport.pollUntil;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
@WithTestResource(StubServices.class)
class AuthenticationTest {

    @BeforeEach
    void ready() {
        GatewayTestSupport.awaitReady();
    }

    @Test
    void missingKeyIsRefusedWithAProblem() {
        Response response = given().header("X-Request-Id", "missing-key-1").get("/api/v1/organisations");
        response.then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("X-Request-Id", "missing-key-1")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("https://chorus.example/problems/unauthenticated"))
                .body("title", equalTo("Not authenticated"))
                .body("status", equalTo(401))
                .body("detail", containsString("API key"))
                .body("requestId", equalTo("missing-key-1"));
    }

    @Test
    void malformedHeaderIsRefused() {
        given().header("Authorization", "Basic dXNlcjpwYXNz").get("/api/v1/organisations").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("detail", containsString("Bearer <key>"))
                .body("requestId", notNullValue());
        given().header("Authorization", "Bearer not a key").get("/api/v1/organisations").then()
                .statusCode(401);
    }

    @Test
    void unknownKeyIsRefused() {
        given().header("Authorization", TestKeyEvents.newKey("directory:manage").bearer())
                .get("/api/v1/organisations").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("detail", equalTo("The API key is not known"));
    }

    @Test
    void expiredKeyIsRefused() {
        TestKeyEvents.TestKey key = TestKeyEvents.newKey("secret", Instant.now().minusSeconds(5), "directory:manage");
        TestKeyEvents.publish(key, 1);
        pollUntil(() -> given().header("Authorization", key.bearer()).get("/api/v1/organisations"),
                r -> r.statusCode() == 401 && r.jsonPath().getString("detail").contains("expired"),
                Duration.ofSeconds(10), "expired key was not refused as expired");
    }

    @Test
    void keyValidUntilLaterIsAccepted() {
        TestKeyEvents.TestKey key = issue(TestKeyEvents.newKey("secret", Instant.now().plusSeconds(3600),
                "directory:manage"), "/api/v1/organisations");
    }

    /**
     * Within a second on a quiet machine (README's promise); the test waits longer, so that a busy build machine does
     * not fail it, and checks the refusal itself.
     */
    @Test
    void revokedKeyIsRefusedOnceItsRevocationArrives() {
        TestKeyEvents.TestKey key = issue(TestKeyEvents.newKey("directory:manage"), "/api/v1/organisations");

        TestKeyEvents.publish(key.revoked(), 2);
        Response refused = pollUntil(() -> given().header("Authorization", key.bearer()).get("/api/v1/organisations"),
                r -> r.statusCode() == 401, Duration.ofSeconds(10), "revoked key still accepted");

        assertEquals("The API key has been revoked", refused.jsonPath().getString("detail"));
    }
}
