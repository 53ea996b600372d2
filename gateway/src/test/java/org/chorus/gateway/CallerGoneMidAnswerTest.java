package org.chorus.gateway;

import static org.awaitility.Awaitility.await;
import static org.chorus.gateway.GatewayTestSupport.assertUncounted;
import static org.chorus.gateway.GatewayTestSupport.issue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.platform.testing.ManagementPort;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;

/**
 * Callers leave in the middle of long answers: a browser tab closed during an export, a phone losing its signal. The
 * gateway gives up the answer, and it must also end the exchange, or it counts it as running for good and its every
 * stop waits out the whole shutdown timeout.
 */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
@WithTestResource(StubServices.class)
class CallerGoneMidAnswerTest {

    private static final int CALLERS = 30;
    private static final String SERVICE_FAILURES = "chorus_gateway_upstream_failures_total";
    private static final String SURVEY = "service=\"survey\"";

    /** The header line of a caller that takes gzip, as curl --compressed and browsers send it. */
    private static final String GZIP = "Accept-Encoding: gzip\r\n";

    @Inject
    ExchangeEnds exchanges;

    @Inject
    Vertx vertx;

    @BeforeEach
    void ready() {
        GatewayTestSupport.awaitReady();
    }

    /** As it is, and gzip-coded: a compressed answer is as much the caller's to leave. */
    @ParameterizedTest
    @ValueSource(strings = { "", GZIP })
    void everyAnswerACallerLeftInTheMiddleOfIsEnded(String coding) throws Exception {
        TestKeyEvents.TestKey key = issue(TestKeyEvents.newKey("exports:read"), "/api/v1/exports");
        int before = exchanges.begun(StubService.STREAMING_PATH);
        for (int i = 0; i < CALLERS; i++) {
            try (Socket socket = askForTheStream(key, coding)) {
                // Leaves with a reset, as a dropped connection does, so the gateway's next write fails at once.
                socket.setSoLinger(true, 0);
                BufferedReader in = new BufferedReader(
                        new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
                assertEquals("HTTP/1.1 200 OK", in.readLine());
                char[] some = new char[1 + 1024 * i];
                assertTrue(in.read(some) > 0, "the answer had begun");
            }
        }
        assertAllEnded(before);
    }

    @Test
    void everyStreamOfHttp2ACallerResetInTheMiddleIsEnded() throws Exception {
        TestKeyEvents.TestKey key = issue(TestKeyEvents.newKey("exports:read"), "/api/v1/exports");
        int before = exchanges.begun(StubService.STREAMING_PATH);
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_2)
                .setHttp2ClearTextUpgrade(false));
        try {
            Set<HttpConnection> connections = ConcurrentHashMap.newKeySet();
            for (int i = 0; i < CALLERS; i++) {
                CompletableFuture<Void> reset = new CompletableFuture<>();
                client.request(HttpMethod.GET, RestAssured.port, "127.0.0.1", StubService.STREAMING_PATH)
                        .onSuccess(request -> connections.add(request.connection()))
                        .compose(request -> request.putHeader("Authorization", key.bearer()).send()
                                .onSuccess(response -> response.handler(chunk -> {
                                    if (!reset.isDone()) {
                                        request.reset();
                                        reset.complete(null);
                                    }
                                })))
                        .onFailure(reset::completeExceptionally);
                reset.get(10, TimeUnit.SECONDS);
            }
            assertAllEnded(before);
            assertEquals(1, connections.size(), "a reset stream leaves the connection its neighbours share open");
        } finally {
            client.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    /**
     * The other side of the same: a service replica dies in the middle of an export. The caller must be able to tell
     * the cut answer from a whole one (its connection closes before the last chunk), and the exchange ends. Compressed,
     * the gateway must not close the gzip data either: that too would make a cut export look whole.
     */
    @ParameterizedTest
    @ValueSource(strings = { "", GZIP })
    void everyAnswerTheServiceDroppedInTheMiddleOfIsCutAndEnded(String coding) throws Exception {
        TestKeyEvents.TestKey key = issue(TestKeyEvents.newKey("exports:read"), "/api/v1/exports");
        int before = exchanges.begun(StubService.STREAMING_PATH);
        for (int i = 0; i < CALLERS; i++) {
            try (Socket socket = askForTheStream(key,
                    coding + StubService.DIES_AFTER_KIBIBYTES + ": " + (1 + i) + "\r\n")) {
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
                assertTrue(answer.startsWith("HTTP/1.1 200 OK"), answer.substring(0, Math.min(200, answer.length())));
                assertFalse(answer.endsWith("\r\n0\r\n\r\n"), "a cut answer must not look whole");
                assertEquals(!coding.isEmpty(), answer.contains("\r\nContent-Encoding: gzip\r\n"), "coded as asked");
            }
        }
        assertAllEnded(before);
    }

    /**
     * A phone losing its signal in the middle of sending a response: the caller is gone before its body ended. The
     * gateway gives up the service's request, ends the exchange, and does not log or count it as the service failing,
     * which an operator would be alerted by.
     */
    @Test
    void aCallerGoneBeforeItsBodyEndedIsNotCountedAsTheServiceFailing() throws Exception {
        TestKeyEvents.TestKey key = issue(TestKeyEvents.newKey("surveys:manage"), "/api/v1/surveys");
        String path = "/api/v1/surveys/" + UUID.randomUUID() + "/responses";
        double serviceFailures = surveyFailures();
        for (int i = 0; i < CALLERS; i++) {
            try (Socket socket = RawHttp.connect(null)) {
                socket.setSoLinger(true, 0);
                socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: "
                        + key.bearer() + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "a\r\n{\"answers\"\r\n").getBytes(StandardCharsets.US_ASCII));
            }
        }
        assertAllEndedNoneCounted(path, serviceFailures, "callers gone");
    }

    /** The same on HTTP/2: the caller resets its stream after the first part of its body, and keeps its connection. */
    @Test
    void aStreamOfHttp2ResetBeforeItsBodyEndedIsNotCountedAsTheServiceFailing() throws Exception {
        TestKeyEvents.TestKey key = issue(TestKeyEvents.newKey("surveys:manage"), "/api/v1/surveys");
        String path = "/api/v1/surveys/" + UUID.randomUUID() + "/responses";
        double serviceFailures = surveyFailures();
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_2)
                .setHttp2ClearTextUpgrade(false));
        try {
            for (int i = 0; i < CALLERS; i++) {
                int begun = exchanges.begun(path) + 1;
                HttpClientRequest request = client.request(HttpMethod.POST, RestAssured.port, "127.0.0.1", path)
                        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
                // Resetting fails the caller's own request too, as it should; that is no error of the test's.
                request.exceptionHandler(reset -> { })
                        .putHeader("Authorization", key.bearer()).putHeader("Content-Type", "application/json")
                        .setChunked(true).write("{\"answers\"");
                await().atMost(Duration.ofSeconds(10)).until(() -> exchanges.begun(path) == begun);
                request.reset();
            }
        } finally {
            client.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        assertAllEndedNoneCounted(path, serviceFailures, "streams reset");
    }

    /**
     * A caller that leaves before the service has answered (a tab closed while an export was starting): the proxy
     * resets the service's request, which looks like the service closing the connection, and the gateway asked the
     * next replica again, running and auditing a second export for nobody.
     */
    @Test
    void aCallerGoneBeforeTheAnswerBeganIsNotAskedForAgain() throws Exception {
        TestKeyEvents.TestKey key = issue(TestKeyEvents.newKey("exports:read"), "/api/v1/surveys");
        double retries = ManagementPort.metric("chorus_gateway_upstream_retries_total", SURVEY);
        int before = exchanges.begun(StubService.SILENT_PATH);
        for (int i = 0; i < CALLERS; i++) {
            try (Socket socket = RawHttp.connect(null)) {
                socket.setSoLinger(true, 0);
                socket.getOutputStream().write(("GET " + StubService.SILENT_PATH + " HTTP/1.1\r\nHost: x\r\n"
                        + "Authorization: " + key.bearer() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                int asked = before + i + 1;
                await().atMost(Duration.ofSeconds(10)).until(() -> exchanges.begun(StubService.SILENT_PATH) == asked);
            }
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertEquals(before + CALLERS,
                exchanges.ended(StubService.SILENT_PATH), "exchanges ended of " + CALLERS + " begun"));
        assertUncounted("callers gone asked for again", retries, "chorus_gateway_upstream_retries_total",
                SURVEY);
    }

    /** Asks for the streamed answer on a connection of its own, with any more header lines. */
    private static Socket askForTheStream(TestKeyEvents.TestKey key, String moreHeaderLines) throws IOException {
        Socket socket = RawHttp.connect(null);
        String head = "GET " + StubService.STREAMING_PATH + " HTTP/1.1\r\nHost: x\r\nAuthorization: " + key.bearer()
                + "\r\n" + moreHeaderLines + "\r\n";
        socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
        return socket;
    }

    private static double surveyFailures() {
        return ManagementPort.metric(SERVICE_FAILURES, SURVEY);
    }

    /** Every exchange the callers began on the path ends, and none is counted as the survey service failing. */
    private void assertAllEndedNoneCounted(String path, double failuresBefore, String what) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertEquals(CALLERS, exchanges.ended(path),
                "exchanges ended of " + CALLERS + " begun"));
        assertUncounted(what + " as the survey service failing", failuresBefore, SERVICE_FAILURES, SURVEY);
    }

    /** Every exchange the callers began, and no other, is told it ended. */
    private void assertAllEnded(int begunBefore) {
        assertEquals(begunBefore + CALLERS, exchanges.begun(StubService.STREAMING_PATH));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertEquals(begunBefore + CALLERS,
                exchanges.ended(StubService.STREAMING_PATH), "exchanges ended of " + CALLERS + " begun"));
    }
}
