package org.chorus.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

import org.chorus.platform.testing.TestCallers;
import org.chorus.platform.web.caller.InternalToken;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Calls the survey service as the gateway would, with internal tokens signed by the key the service trusts. */
final class BenchClient {

    static final ObjectMapper JSON = new ObjectMapper();
    /** The survey service accepts only tokens signed for it. */
    private static final String SURVEY_AUDIENCE = InternalToken.audienceOf("survey");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI base;
    private final URI management;
    private final PrivateKey signingKey;
    private final UUID icb = UUID.randomUUID();

    /**
     * @param base the API address
     * @param management the address of the same process's management interface, where its metrics are
     */
    BenchClient(URI base, URI management, PrivateKey signingKey) {
        this.base = base;
        this.management = management;
        this.signingKey = signingKey;
    }

    String manager() {
        return bearer(icb, "secret", "surveys:manage");
    }

    String website() {
        return bearer(UUID.randomUUID(), "publishable", "public");
    }

    String analyst() {
        return bearer(UUID.randomUUID(), "secret", "exports:read");
    }

    private String bearer(UUID organisation, String kind, String scope) {
        return bearer(organisation, UUID.randomUUID(), kind, scope);
    }

    /** The internal token the gateway would send for this API key. */
    String bearer(UUID organisation, UUID keyId, String kind, String scope) {
        return "Bearer " + TestCallers.token(signingKey, SURVEY_AUDIENCE, organisation, keyId, kind, Set.of(scope));
    }

    /** Creates and publishes the seed survey; returns its id and its sample responses. */
    String openSeedSurvey(Path repoRoot, ArrayNode samplesOut) throws IOException, InterruptedException {
        Path seedFile = repoRoot.resolve("local-stack/src/main/resources/org/chorus/localstack/seed-survey.json");
        ObjectNode seed = (ObjectNode) JSON.readTree(Files.readString(seedFile));
        samplesOut.addAll((ArrayNode) seed.remove("sampleResponses"));
        seed.put("closesAt", Instant.now().plus(365, ChronoUnit.DAYS).toString());
        String manager = manager();
        HttpResponse<String> created = send(post("/api/v1/surveys", manager, seed));
        String id = JSON.readTree(created.body()).path("id").asText();
        String etag = created.headers().firstValue("ETag").orElseThrow();
        send(HttpRequest.newBuilder(base.resolve("/api/v1/surveys/" + id + "/publish"))
                .header("Authorization", manager).header("If-Match", etag)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        return id;
    }

    HttpRequest post(String path, String bearer, JsonNode body) throws IOException {
        return post(path, bearer, JSON.writeValueAsBytes(body)).build();
    }

    /** A JSON POST still open for more headers. */
    HttpRequest.Builder post(String path, String bearer, byte[] json) {
        return request(path, bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json));
    }

    HttpRequest get(String path, String bearer) {
        return request(path, bearer).GET().build();
    }

    /** A request still open for more headers and its method. */
    HttpRequest.Builder request(String path, String bearer) {
        return HttpRequest.newBuilder(base.resolve(path)).header("Authorization", bearer);
    }

    URI base() {
        return base;
    }

    PrivateKey signingKey() {
        return signingKey;
    }

    /** @throws IllegalStateException on any answer but 2xx */
    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = exchange(request);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response;
    }

    /** Whatever the answer is. */
    HttpResponse<String> exchange(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<InputStream> stream(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    }

    /** The service's heap in use now, from its Prometheus metrics on its management port. */
    long heapUsed() throws IOException, InterruptedException {
        String metrics = http.send(HttpRequest.newBuilder(management.resolve("/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return metrics.lines().filter(l -> l.startsWith("jvm_memory_used_bytes{") && l.contains("area=\"heap\""))
                .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
