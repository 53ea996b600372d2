package org.chorus.gateway;

import static io.restassured.RestAssured.given;
import static org.chorus.gateway.GatewayTestSupport.issue;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
@WithTestResource(StubServices.class)
class FailuresTest {

    @BeforeEach
    void ready() {
        GatewayTestSupport.awaitReady();
    }

    @Test
    void unknownRouteIsANotFoundProblem() {
        given().header("X-Request-Id", "unknown-route-1").get("/api/v1/nothing-here").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .header("X-Request-Id", "unknown-route-1")
                .body("type", equalTo("https://chorus.example/problems/not-found"))
                .body("status", equalTo(404))
                .body("detail", containsString("/api/v1/nothing-here"))
                .body("requestId", equalTo("unknown-route-1"));
        given().get("/api/v2/surveys").then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void serviceDownIsAnUnavailableProblem() {
        TestKeyEvents.TestKey key = issue(TestKeyEvents.newKey("insights:read"), "/api/v1/surveys");

        Response response = given().header("Authorization", key.bearer()).header("X-Request-Id", "down-1")
                .contentType("application/json").body("{\"a\":1}")
                .post("/api/v1/findings");
        response.then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("X-Request-Id", "down-1")
                .header("Retry-After", "2")
                .body("type", equalTo("https://chorus.example/problems/service-unavailable"))
                .body("status", equalTo(503))
                .body("detail", containsString("insight"))
                .body("requestId", equalTo("down-1"));
        assertNoInternals(response);
    }

    @Test
    void silentServiceIsATimeoutProblem() {
        TestKeyEvents.TestKey key = issue(TestKeyEvents.newKey("surveys:manage"), "/api/v1/surveys");

        long start = System.nanoTime();
        Response response = given().header("Authorization", key.bearer()).get(StubService.SILENT_PATH);
        long waitedMs = (System.nanoTime() - start) / 1_000_000;
        response.then()
                .statusCode(504)
                .contentType("application/problem+json")
                .body("type", equalTo("https://chorus.example/problems/gateway-timeout"))
                .body("detail", containsString("survey"));
        assertNoInternals(response);
        // At least the gateway's timeout, which no busy machine can shorten; how much longer depends on the machine.
        assertTrue(waitedMs >= StubServices.TIMEOUT_SECONDS * 1000L - 100, "answered after " + waitedMs + " ms");
    }

    private static void assertNoInternals(Response response) {
        response.then()
                .body(not(containsString("Exception")))
                .body(not(containsString("\tat ")))
                .body(not(containsString("127.0.0.1")));
    }
}
