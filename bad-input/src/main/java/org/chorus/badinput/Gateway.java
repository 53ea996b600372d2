package org.chorus.badinput;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Sends requests to the gateway byte for byte as built, without a client library's help: a bad request must reach
 * the gateway as bad as it was generated (raw bytes, odd content types, percent-encoded NUL).
 */
public final class Gateway {

    static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    /** HTTP/1.1, as browsers speak plain http: each case on its own exchange, none lost with another's connection. */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    public Gateway(URI base) {
        this.base = base;
    }

    /** What the gateway answered. */
    public record Answer(int status, String contentType, String body, java.net.http.HttpHeaders headers) {

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                return JSON.missingNode();
            }
        }
    }

    /**
     * @param target path and query as sent, already percent-encoded as the case wants it
     * @param body null for none
     */
    public Answer send(String method, String target, Map<String, List<String>> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + target))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, lines) -> lines.forEach(line -> request.header(name, line)));
        try {
            HttpResponse<String> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + target + " got no answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /** A JSON request with a key, as the fixture's setup sends them. */
    Answer json(String method, String target, String apiKey, Map<String, String> headers, Object body) {
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.put("Authorization", "Bearer " + apiKey);
        byte[] bytes = null;
        if (body != null) {
            all.put("Content-Type", "application/json");
            try {
                bytes = JSON.writeValueAsBytes(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return send(method, target, oneLineEach(all), bytes);
    }

    private static Map<String, List<String>> oneLineEach(Map<String, String> headers) {
        Map<String, List<String>> lines = new java.util.HashMap<>();
        headers.forEach((name, value) -> lines.put(name, List.of(value)));
        return lines;
    }

    /** The merged OpenAPI document. */
    public JsonNode openApi() {
        Answer answer = send("GET", "/q/openapi?format=json", Map.of("Accept", List.of("application/json")), null);
        if (answer.status() != 200) {
            throw new IllegalStateException("The gateway's OpenAPI document: " + answer.status() + " " + answer.body());
        }
        return answer.json();
    }
}
