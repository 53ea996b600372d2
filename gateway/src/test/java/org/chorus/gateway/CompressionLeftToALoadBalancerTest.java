package org.chorus.gateway;

import static org.chorus.gateway.GatewayTestSupport.issue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/**
 * A deployment whose load balancer compresses turns the gateway's compression off: then a browser's read, an export
 * and the API document all go as the gateway has them, and nothing says they vary with Accept-Encoding.
 */
@QuarkusTest
@TestProfile(CompressionLeftToALoadBalancerTest.CompressionOff.class)
@WithTestResource(ChorusTestInfrastructure.class)
@WithTestResource(StubServices.class)
class CompressionLeftToALoadBalancerTest {

    /** The gateway deployed behind a load balancer that compresses. */
    public static class CompressionOff implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("chorus.gateway.compression.enabled", "false");
        }
    }

    private static final int SURVEY_BYTES = 12_000;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void everyAnswerGoesAsItIsToABrowser() throws Exception {
        GatewayTestSupport.awaitReady();
        TestKeyEvents.TestKey key = issue(TestKeyEvents.newKey("surveys:manage", "exports:read"), "/api/v1/surveys");
        String survey = StubService.DOCUMENT_PATH + "?bytes=" + SURVEY_BYTES;
        for (String path : List.of(survey, StubService.STREAMING_PATH, "/q/openapi")) {
            HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + RestAssured.port + path))
                    .header("Authorization", key.bearer()).header("Accept-Encoding", "gzip, deflate, br, zstd").build(),
                    HttpResponse.BodyHandlers.ofByteArray());

            assertEquals(200, answer.statusCode(), path);
            assertEquals(Optional.empty(), answer.headers().firstValue("Content-Encoding"), path);
            assertFalse(answer.headers().allValues("Vary").contains("Accept-Encoding"), path);
        }
        HttpResponse<byte[]> read = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + RestAssured.port + survey)).header("Authorization", key.bearer())
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertArrayEquals(StubService.document(SURVEY_BYTES), read.body());
        assertEquals(Optional.of(StubService.DOCUMENT_TAG), read.headers().firstValue("ETag"), "a strong tag");
    }
}
