package org.chorus.localstack.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Calls the gateway with one API key, as a member of staff's tool would: the drills' only way in, so that they see
 * exactly what callers see.
 */
public final class GatewayCaller {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Longer than any answer of a healthy stack; a caller that waits longer counts it as no answer. */
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);
    /** Asynchronous requests in flight at once, as in a partner system's connection pool. */
    private static final int CONNECTIONS = 64;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final InFlightLimit inFlight = new InFlightLimit(CONNECTIONS);
    private final URI gateway;
    private final String key;

    public GatewayCaller(URI gateway, String key) {
        this.gateway = gateway;
        this.key = key;
    }

    /** The same gateway with another key. */
    public GatewayCaller as(String otherKey) {
        return new GatewayCaller(gateway, otherKey);
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    /** A JSON POST; {@code idempotencyKey} may be null. */
    public HttpResponse<String> post(String path, JsonNode body, String idempotencyKey) {
        return send(post(request(path), body, idempotencyKey));
    }

    /**
     * As {@link #post}, answered later: many in flight need no thread each. At most {@value #CONNECTIONS} are sent at
     * once; the answer timeout starts when a request is sent, not while it waits its turn.
     */
    public CompletableFuture<HttpResponse<String>> postAsync(String path, JsonNode body, String idempotencyKey) {
        HttpRequest request = post(request(path), body, idempotencyKey);
        return inFlight.submit(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
    }

    public CompletableFuture<HttpResponse<String>> getAsync(String path) {
        HttpRequest request = request(path).GET().build();
        return inFlight.submit(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
    }

    /** A POST with an If-Match header and no body, as publishing a survey is. */
    public HttpResponse<String> postIfMatch(String path, String etag) {
        return send(request(path).header("If-Match", etag).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    /** The body of an answer that must have the given status. */
    public static JsonNode expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri().getPath()
                    + " answered " + response.statusCode() + " instead of " + status + ": " + response.body());
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + response.body(), e);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(gateway.resolve(path)).timeout(ANSWER_TIMEOUT)
                .header("Authorization", "Bearer " + key).header("Accept", "application/json");
    }

    private static HttpRequest post(HttpRequest.Builder request, JsonNode body, String idempotencyKey) {
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        try {
            return request.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " got no answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted calling " + request.uri(), e);
        }
    }
}
