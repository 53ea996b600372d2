package org.chorus.e2e;

import static org.awaitility.Awaitility.await;
import static org.chorus.e2e.SystemUnderTest.admin;
import static org.chorus.e2e.SystemUnderTest.as;
import static org.chorus.e2e.SystemUnderTest.stack;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.chorus.localstack.ChorusService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * A part told to stop (a restart, `./chorus down`, a rolling deploy) first finishes the requests it has begun: a
 * caller whose request was under way when the signal came gets its answer, and what it sent is kept.
 */
@Isolated("stops parts of the shared system")
class GracefulStopIT {

    private static final int UNDER_WAY = 5;
    /** Enough for an export of about a megabyte, longer than what the sockets between hold. */
    private static final int RESPONSES = 2_000;
    private static final int LEAVERS = 20;
    /** CHORUS_SHUTDOWN_TIMEOUT as the stack leaves it: the default. */
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(20);

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

    /**
     * Callers gone in the middle of an export (tabs closed, connections dropped) are not waited for: the gateway stops
     * well within its shutdown timeout, where each such caller once held it up for the whole of it.
     */
    @Test
    void callersGoneInTheMiddleOfAnExportDoNotHoldUpTheStop() throws Exception {
        String organisation = Directory.registerOrganisation("Export readers who leave", "VCFSE");
        String key = Directory.issueSecretKey(organisation, Scopes.SURVEYS_MANAGE, Scopes.EXPORTS_READ)[1];
        String survey = Surveys.createAndOpen(key,
                KnownResponses.partlyWelsh(Surveys.seedWithEveryQuestionType("Left mid-export")));
        assertEquals(RESPONSES, submitInParallel(key, survey), "responses stored");

        for (int caller = 0; caller < LEAVERS; caller++) {
            int kibibytes = 4 * (1 + caller);
            // An organisation runs two exports at once; a third is a 429 until one of them has noticed its caller left.
            await().atMost(Duration.ofSeconds(30)).until(() -> leftInTheMiddle(key, survey, kibibytes));
        }
        long asked = System.nanoTime();
        stack().stopService(ChorusService.GATEWAY);
        Duration stopping = Duration.ofNanos(System.nanoTime() - asked);
        stack().startService(ChorusService.GATEWAY);

        assertTrue(stopping.compareTo(SHUTDOWN_TIMEOUT) < 0,
                "the gateway waited out its shutdown timeout for callers long gone: " + stopping);
    }

    /** Asks for the export, reads the head and some of the rows and leaves; false when the export was refused. */
    private static boolean leftInTheMiddle(String key, String survey, int kibibytes) throws IOException {
        try (Socket socket = new Socket(stack().gatewayUrl().getHost(), stack().gatewayUrl().getPort())) {
            // A reset, as a dropped connection gives: the gateway's next write fails at once.
            socket.setSoLinger(true, 0);
            socket.setSoTimeout(10_000);
            String request = "GET /api/v1/surveys/" + survey + "/responses/export?format=csv HTTP/1.1\r\n"
                    + "Host: chorus\r\nAuthorization: Bearer " + key + "\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            InputStream answer = socket.getInputStream();
            String head = new String(answer.readNBytes("HTTP/1.1 200 ".length()), StandardCharsets.US_ASCII);
            if (!head.equals("HTTP/1.1 200 ")) {
                return false;
            }
            assertEquals(1024 * kibibytes, answer.readNBytes(1024 * kibibytes).length, "the export is long enough");
            return true;
        }
    }

    /** Submits the responses on several connections at once, as a busy day's many callers do; counts the 201s. */
    private static long submitInParallel(String key, String survey) throws Exception {
        List<KnownResponses.Given> known = KnownResponses.all();
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < RESPONSES; i++) {
                KnownResponses.Given response = known.get(i % known.size());
                statuses.add(callers.submit(() -> as(key).contentType(ContentType.JSON).body(response.body())
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .post("/api/v1/surveys/" + survey + "/responses").statusCode()));
            }
            long stored = 0;
            for (Future<Integer> status : statuses) {
                stored += status.get() == 201 ? 1 : 0;
            }
            return stored;
        } finally {
            callers.shutdown();
        }
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
