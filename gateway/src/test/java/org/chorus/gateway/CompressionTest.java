package org.chorus.gateway;

import static org.chorus.gateway.GatewayTestSupport.issue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

import jakarta.inject.Inject;

import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;

/**
 * Answers compressed for callers that take gzip, decoded here by the JDK's own gzip reader: a partner's page reading a
 * survey, an analyst streaming an export, a browser confirming the copy it kept, and HTTP/2 callers, to whom nothing
 * else is marked.
 */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
@WithTestResource(StubServices.class)
class CompressionTest {

    private static final int SURVEY_BYTES = 12_000;
    private static final String BROWSER = "gzip, deflate, br, zstd";

    @Inject
    Vertx vertx;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private TestKeyEvents.TestKey key;

    @BeforeEach
    void ready() {
        GatewayTestSupport.awaitReady();
        key = issue(TestKeyEvents.newKey("surveys:manage", "exports:read"), "/api/v1/surveys");
    }

    @Test
    void aSurveyReadByABrowserComesCompressedAndWholeWithItsTagWeakened() {
        HttpResponse<byte[]> answer = get(document(SURVEY_BYTES), BROWSER, null);

        assertEquals(200, answer.statusCode());
        assertEquals(Optional.of("gzip"), answer.headers().firstValue("Content-Encoding"));
        assertEquals(Optional.empty(), answer.headers().firstValue("Content-Length"), "its length was the service's");
        assertEquals(Optional.of("W/" + StubService.DOCUMENT_TAG), answer.headers().firstValue("ETag"));
        assertTrue(answer.headers().allValues("Vary").containsAll(List.of("Authorization, Accept-Language",
                "Accept-Encoding")), "the service's Vary and the coding's: " + answer.headers().allValues("Vary"));
        assertArrayEquals(StubService.document(SURVEY_BYTES), gunzip(answer.body()));
        assertTrue(answer.body().length < SURVEY_BYTES / 4, answer.body().length + " bytes sent");
    }

    @Test
    void aCallerThatDoesNotTakeGzipGetsTheAnswerAsTheServiceGaveIt() {
        for (String accepted : new String[] { null, "identity", "gzip;q=0, br", "*;q=0", "gzip;q=2" }) {
            HttpResponse<byte[]> answer = get(document(SURVEY_BYTES), accepted, null);

            assertEquals(200, answer.statusCode(), accepted);
            assertEquals(Optional.empty(), answer.headers().firstValue("Content-Encoding"), accepted);
            assertEquals(Optional.of(Integer.toString(SURVEY_BYTES)), answer.headers().firstValue("Content-Length"));
            assertEquals(Optional.of(StubService.DOCUMENT_TAG), answer.headers().firstValue("ETag"), accepted);
            assertTrue(answer.headers().allValues("Vary").contains("Accept-Encoding"), "so that no cache mixes them");
            assertArrayEquals(StubService.document(SURVEY_BYTES), answer.body(), accepted);
        }
    }

    @Test
    void smallAnswersAndCompressedFormatsGoAsTheyAre() {
        for (String path : List.of(document(1_000), document(SURVEY_BYTES) + "&type=application/zip",
                document(SURVEY_BYTES) + "&type=application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")) {
            HttpResponse<byte[]> answer = get(path, BROWSER, null);

            assertEquals(Optional.empty(), answer.headers().firstValue("Content-Encoding"), path);
            assertFalse(answer.headers().allValues("Vary").contains("Accept-Encoding"), path);
            assertEquals(Optional.of(StubService.DOCUMENT_TAG), answer.headers().firstValue("ETag"), path);
        }
        assertEquals(Optional.of("gzip"), get(document(1_024), BROWSER, null).headers().firstValue("Content-Encoding"),
                "from 1 KiB on");
    }

    /** A service that marks an answer no-transform (RFC 9110, 7.7) gets it to the caller byte for byte. */
    @Test
    void anAnswerMarkedNoTransformGoesAsItIs() {
        String comment = "More GP appointments in the evening, please. ".repeat(50);
        for (String cacheControl : List.of("no-store", "no-store, no-transform")) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port
                    + "/api/v1/surveys/42/responses")).header("Authorization", key.bearer())
                    .header("Accept-Encoding", BROWSER).header("X-Stub-Cache-Control", cacheControl)
                    .POST(HttpRequest.BodyPublishers.ofString(comment)).build();
            HttpResponse<byte[]> answer = send(request);

            assertEquals(200, answer.statusCode());
            assertEquals(cacheControl.contains("no-transform") ? Optional.empty() : Optional.of("gzip"),
                    answer.headers().firstValue("Content-Encoding"), cacheControl);
        }
    }

    @Test
    void anExportStreamsThroughCompressedAndArrivesWhole() {
        HttpResponse<byte[]> answer = get(StubService.STREAMING_PATH, "gzip", null);

        assertEquals(200, answer.statusCode());
        assertEquals(Optional.of("gzip"), answer.headers().firstValue("Content-Encoding"));
        String lines = new String(gunzip(answer.body()), StandardCharsets.US_ASCII);
        assertEquals(("x".repeat(1023) + "\n").repeat(2_000), lines, "2,000 kibibyte lines, as the service streamed");
    }

    /**
     * A browser kept the compressed copy with the weak tag, and asks with it: the 304 confirms that tag, as the 200
     * would have sent it. A caller that kept the copy as it was gets its strong tag back.
     */
    @Test
    void aKeptCopyIsConfirmedWithTheTagItCameWith() {
        String kept = get(document(SURVEY_BYTES), BROWSER, null).headers().firstValue("ETag").orElseThrow();

        HttpResponse<byte[]> confirmed = get(document(SURVEY_BYTES), BROWSER, kept);
        assertEquals(304, confirmed.statusCode());
        assertEquals(Optional.of(kept), confirmed.headers().firstValue("ETag"));
        assertTrue(confirmed.headers().allValues("Vary").contains("Accept-Encoding"));
        assertEquals(Optional.empty(), confirmed.headers().firstValue("Content-Encoding"));

        HttpResponse<byte[]> asItWas = get(document(SURVEY_BYTES), null, StubService.DOCUMENT_TAG);
        assertEquals(304, asItWas.statusCode());
        assertEquals(Optional.of(StubService.DOCUMENT_TAG), asItWas.headers().firstValue("ETag"));
    }

    /** The merged API document the Swagger UI loads, which the gateway answers itself, comes compressed too. */
    @Test
    void theApiDocumentComesCompressedToABrowser() {
        for (String path : List.of("/q/openapi", "/q/openapi?format=yaml")) {
            HttpResponse<byte[]> asItIs = get(path, null, null);
            HttpResponse<byte[]> compressed = get(path, BROWSER, null);

            assertEquals(Optional.empty(), asItIs.headers().firstValue("Content-Encoding"), path);
            assertEquals(Optional.of("gzip"), compressed.headers().firstValue("Content-Encoding"), path);
            assertTrue(compressed.headers().allValues("Vary").contains("Accept-Encoding"), path);
            assertArrayEquals(asItIs.body(), gunzip(compressed.body()), path);
            assertTrue(compressed.body().length < asItIs.body().length, path);
        }
    }

    /** Over HTTP/2 a survey comes compressed too, and an answer left as it is carries no Content-Encoding at all. */
    @Test
    void overHttp2TheAnswerIsCompressedAndNothingElseIsMarked() throws Exception {
        io.vertx.core.http.HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                .setProtocolVersion(HttpVersion.HTTP_2).setHttp2ClearTextUpgrade(false));
        try {
            Http2Answer survey = http2Get(client, document(SURVEY_BYTES));
            assertEquals("gzip", survey.response().getHeader("content-encoding"));
            assertArrayEquals(StubService.document(SURVEY_BYTES), gunzip(survey.body().getBytes()));

            Http2Answer small = http2Get(client, document(500));
            assertEquals(null, small.response().getHeader("content-encoding"), "no 'identity' mark");
            assertArrayEquals(StubService.document(500), small.body().getBytes());
        } finally {
            client.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private record Http2Answer(HttpClientResponse response, Buffer body) {
    }

    private Http2Answer http2Get(io.vertx.core.http.HttpClient client, String path) throws Exception {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1")
                .setPort(RestAssured.port).setURI(path)
                .putHeader("Authorization", key.bearer()).putHeader("Accept-Encoding", BROWSER);
        return client.request(options)
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> new Http2Answer(response, body)))
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static String document(int bytes) {
        return StubService.DOCUMENT_PATH + "?bytes=" + bytes;
    }

    private HttpResponse<byte[]> get(String path, String acceptEncoding, String ifNoneMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + path))
                .header("Authorization", key.bearer());
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return send(request.build());
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gunzip(byte[] compressed) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("not gzip as the JDK reads it", e);
        }
    }
}
