package org.chorus.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;

import org.awaitility.Awaitility;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * `./chorus demo`, part two: the partnership's survey on its draft priorities (from {@code seed-survey.json}, in
 * the wording of the real engagement page and with its glossary), created and published by the ICB through the
 * gateway, with a few staff-entered sample responses. Safe to run again: an existing survey is left as it is.
 */
public final class SurveyDemoData {

    private static final ObjectMapper JSON = DemoGateway.JSON;
    private static final String RESOURCE = "seed-survey.json";
    /** The real survey closed on Monday 24 October; the demo closes on the next 24 October, end of day in the UK. */
    private static final MonthDay CLOSING_DAY = MonthDay.of(10, 24);
    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final DemoGateway demo;

    private SurveyDemoData(URI gateway) {
        this.demo = new DemoGateway(gateway);
    }

    /** Loads the seed survey through the gateway; true when it is there and open afterwards. */
    public static boolean load(URI gateway, String adminKey) throws IOException, InterruptedException {
        ObjectNode seed = (ObjectNode) DemoGateway.readResource(RESOURCE);
        ArrayNode samples = (ArrayNode) seed.remove("sampleResponses");
        seed.put("closesAt", nextClosingTime().toString());
        SurveyDemoData loader = new SurveyDemoData(gateway);
        String title = seed.path("title").path("en").asText();
        String[] key = null;
        try {
            key = loader.issueSurveyKey(adminKey);
            String existing = loader.find(key[1], title);
            String surveyId = existing != null ? existing : loader.create(key[1], seed);
            loader.publishIfDraft(key[1], surveyId);
            if (existing == null) {
                loader.sampleResponses(key[1], surveyId, samples);
            }
            DemoGateway.report("survey", title, existing == null ? "created and opened" : "already there");
            return true;
        } catch (IllegalStateException e) {
            DemoGateway.report("survey", title, DemoGateway.FAILED + e.getMessage());
            return false;
        } finally {
            if (key != null) {
                loader.demo.revokeKey(adminKey, key[0]);
            }
        }
    }

    static java.time.Instant nextClosingTime() {
        LocalDate today = LocalDate.now(UK);
        LocalDate closing = CLOSING_DAY.atYear(today.getYear());
        if (!closing.isAfter(today)) {
            closing = CLOSING_DAY.atYear(today.getYear() + 1);
        }
        return closing.atTime(LocalTime.of(23, 59)).atZone(UK).toInstant();
    }

    /**
     * A surveys:manage key of the ICB, which owns the survey: issued for this run (a secret is shown only once) and
     * revoked at its end.
     *
     * @return the key's id and its secret
     */
    private String[] issueSurveyKey(String adminKey) throws IOException, InterruptedException {
        JsonNode icbs = expect(send(adminKey, "GET", "/api/v1/organisations?type=ICB", null, null), 200);
        if (icbs.path("items").isEmpty()) {
            throw new IllegalStateException("no ICB registered; load the directory demo data first");
        }
        String icb = icbs.path("items").get(0).path("id").asText();
        ObjectNode key = JSON.createObjectNode().put("name", "Demo survey loader").put("kind", "SECRET");
        key.putArray("scopes").add("surveys:manage");
        JsonNode issued = expect(send(adminKey, "POST", "/api/v1/organisations/" + icb + "/api-keys", key, null), 201);
        String secret = issued.path("secret").asText();
        awaitKnownToGateway(secret);
        return new String[] { issued.path("key").path("id").asText(), secret };
    }

    /** The gateway learns a new key from its event within a second or so; until then it answers 401. */
    private void awaitKnownToGateway(String secret) {
        Awaitility.await("the gateway accepts the newly issued survey key").atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> send(secret, "GET", "/api/v1/surveys?limit=1", null, null).statusCode() != 401);
    }

    /** @return the id of the ICB's survey with this title, or null */
    private String find(String key, String title) throws IOException, InterruptedException {
        String cursor = null;
        do {
            String path = "/api/v1/surveys?limit=500" + (cursor == null ? "" : "&cursor=" + DemoGateway.encode(cursor));
            JsonNode page = expect(send(key, "GET", path, null, null), 200);
            for (JsonNode survey : page.path("items")) {
                if (title.equals(survey.path("definition").path("title").path("en").asText())) {
                    return survey.path("id").asText();
                }
            }
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null);
        return null;
    }

    private String create(String key, ObjectNode definition) throws IOException, InterruptedException {
        return expect(send(key, "POST", "/api/v1/surveys", definition, "demo-seed-survey-001"), 201).path("id").asText();
    }

    private void publishIfDraft(String key, String surveyId) throws IOException, InterruptedException {
        HttpResponse<String> current = send(key, "GET", "/api/v1/surveys/" + surveyId, null, null);
        if (!"DRAFT".equals(expect(current, 200).path("status").asText())) {
            return;
        }
        String etag = current.headers().firstValue("ETag").orElseThrow();
        HttpRequest publish = demo.request(key, "/api/v1/surveys/" + surveyId + "/publish").header("If-Match", etag)
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        expect(demo.send(publish), 200);
    }

    /** Staff-entered sample responses for a survey just created; Idempotency-Keys make a retried run harmless. */
    private void sampleResponses(String key, String surveyId, ArrayNode samples)
            throws IOException, InterruptedException {
        for (int i = 0; i < samples.size(); i++) {
            HttpResponse<String> response = send(key, "POST", "/api/v1/surveys/" + surveyId + "/responses",
                    samples.get(i), "demo-seed-response-" + surveyId + "-" + i);
            if (response.statusCode() != 201 && response.statusCode() != 409) {
                expect(response, 201);
            }
        }
    }

    private HttpResponse<String> send(String key, String method, String path, JsonNode body, String idempotencyKey)
            throws IOException, InterruptedException {
        return demo.json(key, method, path, body, idempotencyKey);
    }

    private static JsonNode expect(HttpResponse<String> response, int status) throws IOException {
        if (response.statusCode() != status) {
            String body = response.body().length() > 300 ? response.body().substring(0, 300) : response.body();
            throw new IllegalStateException(response.request().method() + " " + response.request().uri().getPath()
                    + " answered " + response.statusCode() + ": " + body);
        }
        return JSON.readTree(response.body());
    }
}
