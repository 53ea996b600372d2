package org.chorus.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The insight part of `./chorus demo`: each demo Healthwatch uploads its activities and findings (from
 * {@code insight-demo-data.json}) with a key of its own, publishes them, and the ICB answers some with published "you
 * said, we did" actions; all through the gateway, as the organisations themselves would. Safe to run again: uploads
 * update by reference and actions are created with Idempotency-Keys. The keys it issues are revoked when it is done.
 */
public final class InsightDemoData {

    private static final ObjectMapper JSON = DemoGateway.JSON;
    private static final String RESOURCE = "insight-demo-data.json";
    /** New keys and newly registered organisations reach the gateway and the insight service by events, this fast. */
    private static final Duration UNTIL_KNOWN = Duration.ofSeconds(10);

    private final DemoGateway demo;
    private final String adminKey;
    private final Map<String, String> findingIds = new HashMap<>();
    private final List<String> issuedKeyIds = new ArrayList<>();
    private final Instant started = Instant.now();
    private int failures;

    private InsightDemoData(URI gateway, String adminKey) {
        this.demo = new DemoGateway(gateway);
        this.adminKey = adminKey;
    }

    /** Loads the demo insight through the gateway; true when everything is there afterwards. */
    public static boolean load(URI gateway, String adminKey) throws IOException, InterruptedException {
        JsonNode data = DemoGateway.readResource(RESOURCE);
        InsightDemoData loader = new InsightDemoData(gateway, adminKey);
        try {
            Map<String, String> healthwatch = loader.organisations("HEALTHWATCH");
            for (var entry : data.path("healthwatch").properties()) {
                loader.healthwatch(entry.getKey(), healthwatch.get(entry.getKey()), entry.getValue());
            }
            loader.actions(data.path("icb").asText(), data.path("actions"));
        } finally {
            loader.revokeIssuedKeys();
        }
        return DemoGateway.finished(loader.failures, "Demo insight loaded.", "insight item(s)");
    }

    private void healthwatch(String name, String organisationId, JsonNode activities)
            throws IOException, InterruptedException {
        if (organisationId == null) {
            fail("upload", name, "no such organisation in the directory");
            return;
        }
        String key = issueKey(organisationId, name);
        if (key == null) {
            return;
        }
        ObjectNode file = JSON.createObjectNode();
        file.set("activities", activities);
        String content = JSON.writeValueAsString(file);
        // Keyed by the content too, so that an edited demo file is uploaded again rather than refused as a reuse.
        HttpResponse<String> response = sendUntilKnown("POST", "/api/v1/uploads", key, content, "application/json",
                "demo-insight-" + Integer.toHexString(content.hashCode()));
        if (response.statusCode() != 201) {
            fail("upload", name, response.statusCode() + " " + DemoGateway.detail(response));
            return;
        }
        JsonNode upload = JSON.readTree(response.body());
        DemoGateway.report("upload", name, storedBefore(upload) ? "already there"
                : upload.path("acceptedRows").asInt() + " new, " + upload.path("updatedRows").asInt() + " updated, "
                        + upload.path("rejectedRows").asInt() + " rejected");
        for (JsonNode row : upload.path("rows")) {
            if (row.path("status").asText().equals("REJECTED")) {
                fail("upload row", row.path("reference").asText(), row.path("reasons").toString());
            }
            publishFindings(key, row);
        }
    }

    /** An upload or action answered again for its Idempotency-Key: a run before this one stored it. */
    private boolean storedBefore(JsonNode created) {
        return Instant.parse(created.path("createdAt").asText()).isBefore(started);
    }

    private void publishFindings(String key, JsonNode row) throws IOException, InterruptedException {
        ArrayNode ids = (ArrayNode) row.path("findingIds");
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i).asText();
            findingIds.put(row.path("reference").asText() + "#" + i, id);
            HttpResponse<String> published = send("POST", "/api/v1/findings/" + id + "/publish", key, null, null, null);
            if (published.statusCode() != 200) {
                fail("finding", id, published.statusCode() + " " + DemoGateway.detail(published));
            }
        }
    }

    private void actions(String icbName, JsonNode actions) throws IOException, InterruptedException {
        String icb = organisations("ICB").get(icbName);
        if (icb == null) {
            fail("actions", icbName, "no such organisation in the directory");
            return;
        }
        String key = issueKey(icb, icbName);
        if (key == null) {
            return;
        }
        for (JsonNode action : actions) {
            ObjectNode body = action.deepCopy();
            String slug = body.remove("key").asText();
            ArrayNode ids = body.putArray("findingIds");
            for (JsonNode reference : (ArrayNode) body.remove("findings")) {
                ids.add(findingIds.getOrDefault(reference.asText(), "00000000-0000-0000-0000-000000000000"));
            }
            HttpResponse<String> created = sendUntilKnown("POST", "/api/v1/actions", key, JSON.writeValueAsString(body),
                    "application/json", "demo-action-" + slug);
            if (created.statusCode() != 201) {
                fail("action", slug, created.statusCode() + " " + DemoGateway.detail(created));
                continue;
            }
            JsonNode stored = JSON.readTree(created.body());
            // published again even when stored before, in case that run stopped in between: publishing is idempotent
            HttpResponse<String> published = send("POST", "/api/v1/actions/" + stored.path("id").asText() + "/publish",
                    key, null, null, null);
            if (published.statusCode() == 200) {
                DemoGateway.report("action", slug, storedBefore(stored) ? "already there" : "published");
            } else {
                fail("action", slug, published.statusCode() + " " + DemoGateway.detail(published));
            }
        }
    }

    /** The organisations of a type, by name. */
    private Map<String, String> organisations(String type) throws IOException, InterruptedException {
        HttpResponse<String> response = send("GET", "/api/v1/organisations?limit=500&type=" + type, adminKey, null,
                null, null);
        Map<String, String> byName = new HashMap<>();
        if (response.statusCode() == 200) {
            JSON.readTree(response.body()).path("items")
                    .forEach(o -> byName.put(o.path("name").asText(), o.path("id").asText()));
        } else {
            fail("organisations", type, response.statusCode() + " " + DemoGateway.detail(response));
        }
        return byName;
    }

    /** A fresh secret key for the organisation, revoked when the loader is done: the demo keeps no secrets. */
    private String issueKey(String organisationId, String name) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of("name", "Chorus demo insight loader", "kind", "SECRET",
                "scopes", List.of("insights:write", "insights:read")));
        HttpResponse<String> response = send("POST", "/api/v1/organisations/" + organisationId + "/api-keys", adminKey,
                body, "application/json", null);
        if (response.statusCode() != 201) {
            fail("key", name, response.statusCode() + " " + DemoGateway.detail(response));
            return null;
        }
        JsonNode issued = JSON.readTree(response.body());
        issuedKeyIds.add(issued.path("key").path("id").asText());
        return issued.path("secret").asText();
    }

    private void revokeIssuedKeys() throws IOException, InterruptedException {
        for (String keyId : issuedKeyIds) {
            HttpResponse<String> revoked = demo.revokeKey(adminKey, keyId);
            if (revoked.statusCode() != 200) {
                fail("key", keyId, "not revoked: " + revoked.statusCode() + " " + DemoGateway.detail(revoked));
            }
        }
    }

    /** Retries while the gateway has not yet learnt the key, or the insight service the organisation. */
    private HttpResponse<String> sendUntilKnown(String method, String path, String key, String body,
            String contentType, String idempotencyKey) {
        AtomicReference<HttpResponse<String>> last = new AtomicReference<>();
        try {
            return Awaitility.await().atMost(UNTIL_KNOWN).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        last.set(send(method, path, key, body, contentType, idempotencyKey));
                        return last.get();
                    }, response -> !notYetKnown(response));
        } catch (ConditionTimeoutException e) {
            // The caller reports the answer it got last, as for any other refusal.
            return last.get();
        }
    }

    private static boolean notYetKnown(HttpResponse<String> response) {
        return response.statusCode() == 401
                || response.statusCode() == 422 && response.body().contains("organisation-not-active");
    }

    private HttpResponse<String> send(String method, String path, String key, String body, String contentType,
            String idempotencyKey) throws IOException, InterruptedException {
        return demo.send(key, method, path, body, contentType, idempotencyKey);
    }

    private void fail(String kind, String name, String why) {
        failures++;
        DemoGateway.report(kind, name, DemoGateway.FAILED + why);
    }
}
