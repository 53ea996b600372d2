package org.chorus.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The demo loaders' one way in: the gateway, called with a key as a partner's tool would, and one line of report per
 * thing loaded.
 */
final class DemoGateway {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Long enough for an upload of the demo's findings on a busy machine. */
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final URI gateway;

    DemoGateway(URI gateway) {
        this.gateway = gateway;
    }

    /** One of the demo's JSON files, from local-stack's resources. */
    static JsonNode readResource(String resource) throws IOException {
        try (InputStream in = DemoGateway.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("Missing resource " + resource);
            }
            return JSON.readTree(in);
        }
    }

    /** A request with a JSON body, or none; {@code idempotencyKey} may be null. */
    HttpResponse<String> json(String key, String method, String path, JsonNode body, String idempotencyKey)
            throws IOException, InterruptedException {
        return send(key, method, path, body == null ? null : JSON.writeValueAsString(body), "application/json",
                idempotencyKey);
    }

    /** A request with a body of any type, or none; {@code idempotencyKey} may be null. */
    HttpResponse<String> send(String key, String method, String path, String body, String contentType,
            String idempotencyKey) throws IOException, InterruptedException {
        HttpRequest.Builder request = request(key, path);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return send(request.build());
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A request still open for its method, body and more headers. */
    HttpRequest.Builder request(String key, String path) {
        return HttpRequest.newBuilder(gateway.resolve(path)).timeout(ANSWER_TIMEOUT)
                .header("Authorization", "Bearer " + key).header("Accept", "application/json");
    }

    /**
     * Revokes a key a loader issued for itself, once its work is done: the demo keeps no secrets between runs, so a
     * key left live would be one that nobody holds.
     */
    HttpResponse<String> revokeKey(String adminKey, String keyId) throws IOException, InterruptedException {
        return send(adminKey, "POST", "/api/v1/api-keys/" + keyId + "/revoke", null, null, null);
    }

    /** The problem+json detail (or title) of an error answer, for a one-line report. */
    static String detail(HttpResponse<String> response) {
        try {
            JsonNode problem = JSON.readTree(response.body());
            return problem.path("detail").asText(problem.path("title").asText(""));
        } catch (IOException e) {
            return response.body().length() > 200 ? response.body().substring(0, 200) : response.body();
        }
    }

    /** How a report line of an item that failed begins; such a line is always shown. */
    static final String FAILED = "FAILED: ";

    static void report(String kind, String name, String outcome) {
        String line = String.format("  %-13s %-58s %s", kind, name, outcome);
        if (outcome.startsWith(FAILED)) {
            System.out.println(line);
        } else {
            Log.report(line);
        }
    }

    /** A loader's last line: quiet when all went well, always shown when something failed. */
    static boolean finished(int failures, String loaded, String items) {
        if (failures == 0) {
            Log.report(loaded);
        } else {
            System.out.println(failures + " " + items + " failed.");
        }
        return failures == 0;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
