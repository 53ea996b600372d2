package org.chorus.localstack;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * `./chorus demo`: registers the partnership's places and organisations (from {@code demo-data.json}) through the
 * gateway, as an administrator would, then hands over to the survey and insight demo loaders. Safe to run again:
 * what exists is left as it is.
 */
public final class DemoData {

    private static final ObjectMapper JSON = DemoGateway.JSON;
    private static final String RESOURCE = "demo-data.json";

    private final DemoGateway demo;
    private final String adminKey;
    private int failures;

    private DemoData(URI gateway, String adminKey) {
        this.demo = new DemoGateway(gateway);
        this.adminKey = adminKey;
    }

    /** Arguments: the stack's home (default {@code <repo>/.chorus}); the gateway's address is read from it. */
    public static void main(String[] args) throws IOException, InterruptedException {
        Path root = args.length > 0 ? Path.of(args[0]) : StackSettings.findRepoRoot().resolve(".chorus");
        StackHome home = new StackHome(root.toAbsolutePath());
        String port = home.readPorts().getProperty(ChorusService.GATEWAY.module(), "8080");
        URI gateway = URI.create("http://127.0.0.1:" + port);
        try {
            System.exit(loadAll(gateway, Secrets.readBootstrapAdminKey(home)) ? 0 : 1);
        } catch (ConnectException e) {
            System.err.println("The gateway does not answer at " + gateway + "; start the stack with ./chorus up");
            System.exit(1);
        }
    }

    /**
     * The whole demo set in dependency order: the directory's places and organisations, then the seed survey owned
     * by the ICB, then the Healthwatch activities, findings and actions. True when everything is there afterwards.
     */
    public static boolean loadAll(URI gateway, String adminKey) throws IOException, InterruptedException {
        boolean directory = load(gateway, adminKey);
        boolean surveys = directory && SurveyDemoData.load(gateway, adminKey);
        boolean insights = directory && InsightDemoData.load(gateway, adminKey);
        return directory && surveys && insights;
    }

    /** Loads the directory's demo places and organisations through the gateway; true when they are all there. */
    public static boolean load(URI gateway, String adminKey) throws IOException, InterruptedException {
        JsonNode data = DemoGateway.readResource(RESOURCE);
        DemoData loader = new DemoData(gateway, adminKey);
        loader.places(data.path("places"));
        loader.organisations(data.path("organisations"));
        return DemoGateway.finished(loader.failures, "Demo data loaded.", "item(s)");
    }

    private void places(JsonNode places) throws IOException, InterruptedException {
        for (JsonNode place : places) {
            String code = place.path("code").asText();
            if (send("GET", "/api/v1/places/" + DemoGateway.encode(code), null, null).statusCode() == 200) {
                DemoGateway.report("place", code, "already there");
                continue;
            }
            HttpResponse<String> response = send("POST", "/api/v1/places", place, null);
            outcome("place", code, response);
        }
    }

    private void organisations(JsonNode organisations) throws IOException, InterruptedException {
        Set<String> existing = existingOrganisationNames();
        for (JsonNode organisation : organisations) {
            ObjectNode body = organisation.deepCopy();
            String slug = body.remove("slug").asText();
            String name = body.path("name").asText();
            if (existing.contains(name)) {
                DemoGateway.report("organisation", name, "already there");
                continue;
            }
            HttpResponse<String> response = send("POST", "/api/v1/organisations", body, "demo-org-" + slug);
            outcome("organisation", name, response);
        }
    }

    /** Names already registered, so that a run after the idempotency records have gone adds no duplicates. */
    private Set<String> existingOrganisationNames() throws IOException, InterruptedException {
        Set<String> names = new HashSet<>();
        String cursor = null;
        do {
            String path = "/api/v1/organisations?limit=500" + (cursor == null ? "" : "&cursor=" + DemoGateway.encode(cursor));
            HttpResponse<String> response = send("GET", path, null, null);
            if (response.statusCode() != 200) {
                return names;
            }
            JsonNode page = JSON.readTree(response.body());
            page.path("items").forEach(item -> names.add(item.path("name").asText()));
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null);
        return names;
    }

    private void outcome(String kind, String name, HttpResponse<String> response) throws IOException {
        int status = response.statusCode();
        if (status == 200 || status == 201) {
            DemoGateway.report(kind, name, "created");
        } else if (status == 409) {
            DemoGateway.report(kind, name, "already there (" + DemoGateway.detail(response) + ")");
        } else if (status == 401 || status == 403) {
            failures++;
            DemoGateway.report(kind, name,
                    DemoGateway.FAILED + "the gateway refused the bootstrap admin key (" + status + ")");
        } else {
            failures++;
            DemoGateway.report(kind, name, DemoGateway.FAILED + status + " " + DemoGateway.detail(response));
        }
    }

    private HttpResponse<String> send(String method, String path, JsonNode body, String idempotencyKey)
            throws IOException, InterruptedException {
        return demo.json(adminKey, method, path, body, idempotencyKey);
    }
}
