package org.chorus.e2e;

import static org.awaitility.Awaitility.await;
import static org.chorus.e2e.SystemUnderTest.admin;
import static org.chorus.e2e.SystemUnderTest.as;
import static org.chorus.e2e.SystemUnderTest.stack;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.chorus.localstack.ChorusService;
import org.junit.jupiter.api.Test;

import io.restassured.RestAssured;

/**
 * A part told to stop (a restart, `./chorus down`, a rolling deploy) first finishes the requests it has begun: a
 * caller whose request was under way when the signal came gets its answer, and what it sent is kept.
 */
class GracefulStopIT {

    private static final int UNDER_WAY = 5;

    /**
     * Counted: every registration the gateway had begun when told to stop is answered 201, and every one is there
     * once it is started again.
     */
    @Test
    void everyRequestTheGatewayHadBegunWhenToldToStopIsAnsweredAndKept() throws Exception {
        List<String> codes = IntStream.range(0, UNDER_WAY)
                .mapToObj(i -> "graceful-" + UUID.randomUUID().toString().substring(0, 8)).toList();
        List<HalfSentRequest> registrations = new ArrayList<>();
        List<String> answers = new ArrayList<>();
        CompletableFuture<Void> stopped;
        try {
            for (String code : codes) {
                registrations.add(HalfSentRequest.postJson(stack().gatewayUrl(), "/api/v1/places", admin(),
                        "{\"code\":\"" + code + "\",\"name\":\"Fylde Coast\",\"kind\":\"INTEGRATED_CARE_SYSTEM\"}"));
            }
            await().atMost(Duration.ofSeconds(10)).until(GracefulStopIT::gatewayRequestsUnderWay,
                    greaterThanOrEqualTo((double) UNDER_WAY));

            stopped = CompletableFuture.runAsync(() -> stack().stopService(ChorusService.GATEWAY));
            // While it finishes what it has begun, the gateway still answers, each time closing the connection.
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> as(admin()).get("/api/v1/places").header("Connection"), equalTo("close"));
            for (HalfSentRequest registration : registrations) {
                answers.add(registration.finish());
            }
        } finally {
            for (HalfSentRequest registration : registrations) {
                registration.close();
            }
        }
        stopped.get();
        stack().startService(ChorusService.GATEWAY);

        assertEquals(UNDER_WAY, answers.stream().filter(answer -> answer.startsWith("HTTP/1.1 201 ")).count(),
                String.join("\n\n", answers));
        assertEquals(UNDER_WAY, codes.stream()
                .filter(code -> as(admin()).get("/api/v1/places/" + code).statusCode() == 200).count());
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
