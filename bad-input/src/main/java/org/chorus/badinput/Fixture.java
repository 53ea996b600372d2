package org.chorus.badinput;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Real resources of one organisation, created through the gateway, so that generated requests name things that exist
 * and reach the handlers instead of stopping at a 404: a key holding every secret scope, a website's publishable key,
 * an open survey with a response, insight of every kind. Operations that deactivate or revoke are pointed at a second,
 * sacrificial organisation and key, so that no generated case can take the suite's own key away; deactivation at a
 * third organisation of its own, so that the cases after one that deactivated do not meet a deactivated organisation
 * (its key operations would answer "deactivated" instead of naming the field a case broke).
 *
 * @param ids a real id (or code) per collection of the API, e.g. {@code surveys}, or per operation path, e.g.
 *     {@value #DEACTIVATE}, for path parameters
 */
public record Fixture(String secretKey, String publishableKey, String place, Map<String, String> ids) {

    /** The web origin the organisation's publishable key may be used from. */
    public static final String ORIGIN = "https://bad-input.example";
    static final List<String> SECRET_SCOPES = List.of("directory:manage", "surveys:manage", "insights:write",
            "insights:read", "exports:read", "contacts:read", "webhooks:manage", "coding:manage", "coding:write",
            "handover:read");
    private static final String SEED_SURVEY = "/org/chorus/localstack/seed-survey.json";
    private static final Duration KNOWN_WITHIN = Duration.ofSeconds(30);
    static final String DEACTIVATE = "/api/v1/organisations/{id}/deactivate";

    /** Creates everything through the gateway with the administrator's key; waits until the gateway knows the keys. */
    public static Fixture create(Gateway gateway, String adminKey) {
        Setup setup = new Setup(gateway, adminKey);
        String place = setup.created("POST", "/api/v1/places", adminKey, Map.of("code", unique("bad-input"),
                "name", "Bad input area", "kind", "INTEGRATED_CARE_SYSTEM")).path("code").asText();
        String organisation = setup.organisation(place);
        String secret = setup.key(organisation, "SECRET", SECRET_SCOPES).path("secret").asText();
        String publishable = setup.key(organisation, "PUBLISHABLE", List.of()).path("secret").asText();
        String sacrificial = setup.organisation(place);
        String sacrificialKey = setup.key(sacrificial, "SECRET", List.of("insights:read")).path("key").path("id").asText();
        setup.awaitKnown(secret, Map.of(), "/api/v1/organisations/" + organisation);
        setup.awaitKnown(publishable, Map.of("Origin", ORIGIN), "/api/v1/themes");

        Map<String, String> ids = new HashMap<>();
        ids.put("places", place);
        // a query parameter naming the caller's own organisation (a handover's ?organisation=)
        ids.put("organisation", organisation);
        ids.put("organisations", sacrificial);
        ids.put("api-keys", sacrificialKey);
        ids.put(DEACTIVATE, setup.organisation(place));
        String survey = setup.openSurvey(secret);
        ids.put("surveys", survey);
        ids.put("responses", setup.created("POST", "/api/v1/surveys/" + survey + "/responses", publishable,
                Map.of("Origin", ORIGIN), Map.of("answers", sampleAnswers())).path("responseId").asText());
        String activity = setup.createdOnceKnown(secret, "/api/v1/activities", ValidBodies.activity(place));
        ids.put("activities", activity);
        String finding = setup.created("POST", "/api/v1/findings", secret, ValidBodies.finding(activity)).path("id").asText();
        setup.created("POST", "/api/v1/findings/" + finding + "/publish", secret, null);
        ids.put("findings", finding);
        ids.put("actions", setup.created("POST", "/api/v1/actions", secret, ValidBodies.action(finding)).path("id").asText());
        ids.put("uploads", setup.created("POST", "/api/v1/uploads", secret, ValidBodies.upload(place)).path("id").asText());
        ids.put("webhooks", setup.created("POST", "/api/v1/webhooks", secret, ValidBodies.webhook())
                .path("subscription").path("id").asText());
        ids.put("coding-frames", setup.created("POST", "/api/v1/coding-frames", secret, ValidBodies.codingFrame(true))
                .path("id").asText());
        return new Fixture(secret, publishable, place, Map.copyOf(ids));
    }

    /** The seed survey's definition under a fresh title, without its sample responses. */
    static ObjectNode seedSurvey() {
        ObjectNode seed = (ObjectNode) seed().deepCopy();
        seed.remove("sampleResponses");
        seed.putObject("title").put("en", "Bad input survey " + UUID.randomUUID());
        return seed;
    }

    /** A valid set of answers to the seed survey. */
    static JsonNode sampleAnswers() {
        return seed().path("sampleResponses").path(0).path("answers").deepCopy();
    }

    static String unique(String stem) {
        return stem + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static JsonNode seed() {
        try (InputStream in = Fixture.class.getResourceAsStream(SEED_SURVEY)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + SEED_SURVEY);
            }
            return Gateway.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The calls that build the fixture, each of which must succeed. */
    private record Setup(Gateway gateway, String adminKey) {

        String organisation(String place) {
            Map<String, Object> unlimited = Map.of("requests", 1_000_000, "per", "PT1S");
            Map<String, Object> body = Map.of("name", "Bad input forum " + UUID.randomUUID(), "type", "HEALTHWATCH",
                    "placeCodes", List.of(place), "allowedOrigins", List.of(ORIGIN),
                    // Generated cases come by the thousand from one address: the website limits are not under test.
                    "rateLimits", Map.of("submissionsPerAddress", unlimited, "submissionsPerKey", unlimited,
                            "readsPerAddress", unlimited, "readsPerKey", unlimited));
            return created("POST", "/api/v1/organisations", adminKey, body).path("id").asText();
        }

        JsonNode key(String organisation, String kind, List<String> scopes) {
            Map<String, Object> body = new HashMap<>(Map.of("name", "Bad input " + kind.toLowerCase(), "kind", kind));
            if (!scopes.isEmpty()) {
                body.put("scopes", scopes);
            }
            return created("POST", "/api/v1/organisations/" + organisation + "/api-keys", adminKey, body);
        }

        String openSurvey(String key) {
            Gateway.Answer created = gateway.json("POST", "/api/v1/surveys", key, Map.of(), seedSurvey());
            expect(created, 201);
            String id = created.json().path("id").asText();
            String etag = gateway.json("GET", "/api/v1/surveys/" + id, key, Map.of(), null).header("ETag");
            expect(gateway.json("POST", "/api/v1/surveys/" + id + "/publish", key, Map.of("If-Match", etag), null), 200);
            return id;
        }

        /** The insight service hears of a new organisation by event, and refuses its writes until then. */
        String createdOnceKnown(String key, String collection, Object body) {
            AtomicReference<Gateway.Answer> answer = new AtomicReference<>();
            await().atMost(KNOWN_WITHIN).pollInterval(Duration.ofMillis(200)).until(() -> {
                answer.set(gateway.json("POST", collection, key, Map.of(), body));
                return answer.get().status() == 201;
            });
            return answer.get().json().path("id").asText();
        }

        void awaitKnown(String key, Map<String, String> headers, String target) {
            await().atMost(KNOWN_WITHIN).pollInterval(Duration.ofMillis(100))
                    .until(() -> gateway.json("GET", target, key, headers, null).status() == 200);
        }

        JsonNode created(String method, String target, String key, Object body) {
            return created(method, target, key, Map.of(), body);
        }

        JsonNode created(String method, String target, String key, Map<String, String> headers, Object body) {
            Gateway.Answer answer = gateway.json(method, target, key, headers, body);
            expect(answer, answer.status() == 200 ? 200 : 201);
            return answer.json();
        }

        private static void expect(Gateway.Answer answer, int status) {
            if (answer.status() != status) {
                throw new IllegalStateException("Setting up the fixture: expected " + status + ", got "
                        + answer.status() + " " + answer.body());
            }
        }
    }
}
