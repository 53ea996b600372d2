package org.chorus.e2e;

import static org.awaitility.Awaitility.await;
import static org.chorus.e2e.SystemUnderTest.admin;
import static org.chorus.e2e.SystemUnderTest.as;
import static org.chorus.e2e.SystemUnderTest.stack;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chorus.localstack.ChorusService;
import org.junit.jupiter.api.Test;

import io.restassured.RestAssured;

/**
 * A part told to stop (a restart, `./chorus down`, a rolling deploy) first finishes the requests it has begun: a
 * caller whose request was under way when the signal came gets its answer, and what it sent is kept.
 */
class GracefulStopIT {

    @Test
    void aRequestTheGatewayHadBegunWhenToldToStopIsAnsweredAndKept() throws Exception {
        String code = "graceful-" + UUID.randomUUID().toString().substring(0, 8);
        String place = "{\"code\":\"" + code + "\",\"name\":\"Fylde Coast\",\"kind\":\"INTEGRATED_CARE_SYSTEM\"}";
        CompletableFuture<Void> stopped;
        String answer;
        try (HalfSentRequest registration = HalfSentRequest.postJson(stack().gatewayUrl(), "/api/v1/places",
                admin(), place)) {
            await().atMost(Duration.ofSeconds(10)).until(GracefulStopIT::gatewayRequestsUnderWay,
                    greaterThanOrEqualTo(1.0));

            stopped = CompletableFuture.runAsync(() -> stack().stopService(ChorusService.GATEWAY));
            // While it finishes what it has begun, the gateway still answers, each time closing the connection.
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> as(admin()).get("/api/v1/places").header("Connection"), equalTo("close"));
            answer = registration.finish();
        }
        stopped.get();
        stack().startService(ChorusService.GATEWAY);

        assertTrue(answer.startsWith("HTTP/1.1 201 "), answer);
        as(admin()).get("/api/v1/places/" + code).then().statusCode(200).body("name", equalTo("Fylde Coast"));
    }

    /** What the gateway's own metrics say of the requests on its API port that it has begun and not answered. */
    private static double gatewayRequestsUnderWay() {
        String metrics = RestAssured.get(stack().managementUrl(ChorusService.GATEWAY).resolve("/q/metrics"))
                .asString();
        Matcher line = Pattern.compile("http_server_active_requests\\{server_port=\"" + stack().gatewayUrl().getPort()
                + "\"[^}]*} (\\S+)").matcher(metrics);
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }
}
