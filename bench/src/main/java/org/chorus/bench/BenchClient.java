package org.chorus.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

import org.chorus.platform.testing.TestCallers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Calls the survey service as the gateway would, with internal tokens signed by the benchmark's key. */
final class BenchClient {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI base;
    private final UUID icb = UUID.randomUUID();

    BenchClient(URI base) {
        this.base = base;
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

    private static String bearer(UUID organisation, String kind, String scope) {
        return "Bearer " + TestCallers.token(organisation, UUID.randomUUID(), kind, Set.of(scope));
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
        return HttpRequest.newBuilder(base.resolve(path)).header("Authorization", bearer)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build();
    }

    HttpRequest get(String path, String bearer) {
        return HttpRequest.newBuilder(base.resolve(path)).header("Authorization", bearer).GET().build();
    }

    /** @throws IllegalStateException on any answer but 2xx */
    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response;
    }

    HttpResponse<InputStream> stream(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    }

    /** The service's heap in use now, from its Prometheus metrics. */
    long heapUsed() throws IOException, InterruptedException {
        String metrics = http.send(HttpRequest.newBuilder(base.resolve("/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return metrics.lines().filter(l -> l.startsWith("jvm_memory_used_bytes{") && l.contains("area=\"heap\""))
                .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
