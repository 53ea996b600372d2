package org.chorus.gateway;

import static org.chorus.gateway.GatewayTestSupport.assertUncounted;
import static org.chorus.gateway.GatewayTestSupport.issue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.platform.testing.ManagementPort;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
@WithTestResource(StubServices.class)
class BodyLimitTest {

    /** The default limit, 20 MB, which the tests run with. */
    private static final long LIMIT = 20L * 1024 * 1024;

    private TestKeyEvents.TestKey key;

    @BeforeEach
    void ready() {
        GatewayTestSupport.awaitReady();
        key = issue(TestKeyEvents.newKey("surveys:manage"), "/api/v1/surveys");
    }

    @Test
    void aFiftyMegabyteBodyIsRefusedFromItsLengthAloneAndNeverReachesTheService() throws Exception {
        String path = "/api/v1/surveys/" + UUID.randomUUID() + "/responses";
        // Only the head is sent: an answer at all proves the gateway did not wait for the body.
        RawHttp.Answer answer = RawHttp.exchange(null, "POST " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: "
                + key.bearer() + "\r\nX-Request-Id: too-big-1\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + 50L * 1024 * 1024 + "\r\n", null);

        assertTooLarge(answer, "too-big-1");
        assertEquals("close", answer.header("Connection"), "the unread body makes the connection unusable");
        assertFalse(pathsSeenBySurveyService().contains(path), "the service was asked although the body was too big");
    }

    @Test
    void anOversizedBodyExpectingContinueIsRefusedInsteadOfInvited() throws Exception {
        RawHttp.Answer answer = RawHttp.exchange(null, "POST /api/v1/surveys/x/responses HTTP/1.1\r\nHost: x\r\n"
                + "Authorization: " + key.bearer() + "\r\nExpect: 100-continue\r\nContent-Length: " + (LIMIT + 1)
                + "\r\n", null);
        assertTooLarge(answer, null);
    }

    @Test
    void aChunkedBodyGrowingPastTheLimitIsCutOffWith413() throws Exception {
        String path = "/api/v1/surveys/" + UUID.randomUUID() + "/responses";
        try (Socket socket = RawHttp.connect(null)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: " + key.bearer()
                    + "\r\nX-Request-Id: chunked-1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            CompletableFuture<Long> sent = CompletableFuture.supplyAsync(() -> streamChunks(out, 2 * LIMIT));
            RawHttp.Answer answer = RawHttp.read(socket.getInputStream());

            assertTooLarge(answer, "chunked-1");
            long sentBytes = sent.get();
            assertTrue(sentBytes > LIMIT, "refused after only " + sentBytes + " bytes");
            assertTrue(sentBytes < 2 * LIMIT, "the gateway read the whole body before refusing it");
        }
    }

    @Test
    void aChunkedBodyUnderTheLimitIsForwardedWhole() throws Exception {
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'a');
        StringBuilder body = new StringBuilder();
        try (Socket socket = RawHttp.connect(null)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/surveys/chunked HTTP/1.1\r\nHost: x\r\nAuthorization: " + key.bearer()
                    + "\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 16; i++) {
                writeChunk(out, chunk);
                body.append(new String(chunk, StandardCharsets.US_ASCII));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            RawHttp.Answer answer = RawHttp.read(socket.getInputStream());
            assertEquals(200, answer.status(), answer.head());
            assertEquals(body.toString(), JsonPath.from(answer.body()).getString("body"));
        }
    }

    /** A chunk size that is not hexadecimal, and a chunk longer than its size says. */
    @ParameterizedTest
    @ValueSource(strings = { "zz\r\n{}\r\n0\r\n\r\n", "2\r\n{}}\r\n0\r\n\r\n" })
    void aChunkedBodyThatCannotBeReadIsRefusedWith400NamingTheRule(String body) throws Exception {
        double serviceFailures = ManagementPort.metric("chorus_gateway_upstream_failures_total", "service=\"survey\"");
        String requestId = "malformed-" + UUID.randomUUID();
        RawHttp.Answer answer = RawHttp.exchange(null, "POST /api/v1/surveys/" + UUID.randomUUID() + "/responses HTTP/1.1"
                + "\r\nHost: x\r\nAuthorization: " + key.bearer() + "\r\nX-Request-Id: " + requestId
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n", body);

        assertEquals(400, answer.status(), body.strip() + ": " + answer.head() + answer.body());
        assertEquals("application/problem+json", answer.header("Content-Type"));
        JsonPath problem = JsonPath.from(answer.body());
        assertEquals("https://chorus.example/problems/malformed-body", problem.getString("type"));
        assertEquals("Request body is not valid", problem.getString("title"), "as the services title this type");
        assertTrue(problem.getString("detail").startsWith("Transfer-Encoding: chunked"), problem.getString("detail"));
        assertTrue(problem.getString("detail").contains("RFC 9112"), problem.getString("detail"));
        assertEquals(requestId, problem.getString("requestId"));
        assertEquals("close", answer.header("Connection"), "the gateway cannot read on after a broken chunk");
        assertNoInternals(answer);
        // The proxy gives up its own request to the service (LimitedBodyTest): not the service failing.
        assertUncounted("the caller's broken body as the survey service failing", serviceFailures,
                "chorus_gateway_upstream_failures_total", "service=\"survey\"");
    }

    @Test
    void aTooLongAddressOrHeaderIsRefusedWithoutInternals() throws Exception {
        RawHttp.Answer url = RawHttp.exchange(null, "GET /api/v1/surveys?q=" + "a".repeat(10_000)
                + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n", null);
        assertEquals(414, url.status(), url.head());
        assertNoInternals(url);

        RawHttp.Answer header = RawHttp.exchange(null, "GET /api/v1/surveys HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                + "X-Padding: " + "a".repeat(30_000) + "\r\n", null);
        assertEquals(431, header.status(), header.head());
        assertNoInternals(header);
    }

    private static void assertTooLarge(RawHttp.Answer answer, String requestId) {
        assertEquals(413, answer.status(), answer.head() + answer.body());
        assertEquals("application/problem+json", answer.header("Content-Type"));
        JsonPath problem = JsonPath.from(answer.body());
        assertEquals("https://chorus.example/problems/payload-too-large", problem.getString("type"));
        assertEquals(413, problem.getInt("status"));
        assertTrue(problem.getString("detail").contains(Long.toString(LIMIT)), problem.getString("detail"));
        if (requestId != null) {
            assertEquals(requestId, problem.getString("requestId"));
        }
        assertEquals("nosniff", answer.header("X-Content-Type-Options"));
    }

    private static void assertNoInternals(RawHttp.Answer answer) {
        String all = answer.head() + answer.body();
        assertFalse(all.contains("Exception") || all.contains("\tat ") || all.toLowerCase().contains("<html"), all);
    }

    /** Writes chunks until the limit is passed by far or the gateway stops listening, and says how much it sent. */
    private static long streamChunks(OutputStream out, long atMost) {
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) ' ');
        long sent = 0;
        try {
            while (sent < atMost) {
                writeChunk(out, chunk);
                sent += chunk.length;
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException closedByGateway) {
            // expected: the gateway closes the connection once it has refused the body
        }
        return sent;
    }

    private static void writeChunk(OutputStream out, byte[] chunk) throws IOException {
        out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(chunk);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static String pathsSeenBySurveyService() throws Exception {
        String survey = ConfigProvider.getConfig().getValue("chorus.gateway.services.survey.url", String.class);
        HttpResponse<String> seen = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(survey + StubService.SEEN_PATH)).build(),
                HttpResponse.BodyHandlers.ofString());
        return seen.body();
    }
}
