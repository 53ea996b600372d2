package org.chorus.directory.organisation;

import static io.restassured.RestAssured.given;
import static org.chorus.directory.DirectoryFixtures.ADMIN;
import static org.chorus.directory.DirectoryFixtures.organisation;
import static org.chorus.directory.DirectoryFixtures.postAsAdmin;
import static org.chorus.directory.DirectoryFixtures.registerOrganisation;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.chorus.platform.events.ChorusEvent;
import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.events.EventType;
import org.chorus.platform.events.contract.OrganisationData;
import org.chorus.platform.events.contract.RateLimitsData;
import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.platform.testing.EventProbe;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/** An organisation's own rate limits: set by administrators, checked, and announced for the gateway to enforce. */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class OrganisationRateLimitsTest {

    @Inject
    ObjectMapper objectMapper;

    @Test
    void limitsGivenAtRegistrationAreKeptAndAnnounced() {
        Map<String, Object> body = body("Healthwatch Fylde", Map.of(
                "submissionsPerKey", limit(600, "PT1M"),
                "submissionsPerAddress", limit(30, "p1d")));
        String id = postAsAdmin("/api/v1/organisations", body).statusCode(201)
                .body("rateLimits.submissionsPerKey.requests", equalTo(600))
                .body("rateLimits.submissionsPerAddress.per", equalTo("PT24H"))
                .body("rateLimits", not(hasKey("readsPerKey")))
                .extract().path("id");
        given().header("Authorization", ADMIN).when().get("/api/v1/organisations/" + id)
                .then().statusCode(200)
                .body("rateLimits.submissionsPerKey.per", equalTo("PT1M"))
                .body("rateLimits.submissionsPerAddress.requests", equalTo(30));

        RateLimitsData announced = announced(id, ChorusEventTypes.ORGANISATION_REGISTERED, version(id));
        assertEquals(new RateLimitsData.Limit(600, "PT1M"), announced.submissionsPerKey());
        assertEquals(new RateLimitsData.Limit(30, "PT24H"), announced.submissionsPerAddress());
        assertNull(announced.readsPerKey(), "a limit left out is the gateway's default");
        assertNull(announced.readsPerAddress());
    }

    @Test
    void anUpdateSetsChangesAndClearsTheLimitsWithTheCurrentETag() {
        Map<String, Object> body = body("Healthwatch Wyre", null);
        String id = registerOrganisation(body);
        given().header("Authorization", ADMIN).when().get("/api/v1/organisations/" + id)
                .then().body("rateLimits", nullValue());
        assertNull(announced(id, ChorusEventTypes.ORGANISATION_REGISTERED, version(id)),
                "no limits: the gateway's defaults");

        body.put("rateLimits", Map.of("readsPerAddress", limit(120, "PT1M")));
        long version = update(id, body, currentETag(id));
        assertEquals(new RateLimitsData.Limit(120, "PT1M"),
                announced(id, ChorusEventTypes.ORGANISATION_UPDATED, version).readsPerAddress());

        String stale = currentETag(id);
        body.put("rateLimits", Map.of("readsPerAddress", limit(5, "PT1M")));
        update(id, body, stale);
        body.put("rateLimits", Map.of("readsPerAddress", limit(1, "PT1S")));
        given().header("Authorization", ADMIN).header("If-Match", stale).contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/organisations/" + id)
                .then().statusCode(412).contentType("application/problem+json");
        given().header("Authorization", ADMIN).when().get("/api/v1/organisations/" + id)
                .then().body("rateLimits.readsPerAddress.requests", equalTo(5));

        body.remove("rateLimits");
        version = update(id, body, currentETag(id));
        given().header("Authorization", ADMIN).when().get("/api/v1/organisations/" + id)
                .then().body("rateLimits", nullValue());
        assertNull(announced(id, ChorusEventTypes.ORGANISATION_UPDATED, version), "an update replaces them too");
    }

    @Test
    void anEmptyObjectIsTheGatewaysDefaults() {
        String id = registerOrganisation(body("Healthwatch Lancaster", Map.of()));
        given().header("Authorization", ADMIN).when().get("/api/v1/organisations/" + id)
                .then().body("rateLimits", nullValue());
    }

    @Test
    void malformedLimitsAreProblemsNamingTheFieldAndTheRule() {
        Map<String, Object> limits = new HashMap<>();
        limits.put("submissionsPerKey", limit(0, "PT1M"));
        limits.put("submissionsPerAddress", limit(-5, "PT1M"));
        limits.put("readsPerKey", Map.of("requests", 10));
        limits.put("readsPerAddress", limit(10, "1m"));
        postAsAdmin("/api/v1/organisations", body("Healthwatch Bad Limits", limits))
                .statusCode(422).contentType("application/problem+json")
                .body("errors.pointer", contains("/rateLimits/readsPerAddress/per", "/rateLimits/readsPerKey/per",
                        "/rateLimits/submissionsPerAddress/requests", "/rateLimits/submissionsPerKey/requests"))
                .body("errors[0].detail", containsString("ISO-8601 duration from PT1S to PT24H"))
                .body("errors[2].detail", containsString("greater than or equal to 1"));

        for (Map<String, Object> outOfBounds : List.of(limit(1_000_001, "PT1M"), limit(10, "P2D"), limit(10, "PT0.5S"),
                limit(10, "PT0S"), limit(10, "-PT1M"))) {
            refused(Map.of("submissionsPerAddress", outOfBounds), "/rateLimits/submissionsPerAddress/");
        }
    }

    @Test
    void limitsOfTheWrongShapeAreRefusedNamingTheField() {
        postAsAdmin("/api/v1/organisations", body("Healthwatch Notation", Map.of("submissionsPerKey", "600/1m")))
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].pointer", equalTo("/rateLimits/submissionsPerKey"));
        postAsAdmin("/api/v1/organisations", body("Healthwatch Typo", Map.of("submisionsPerKey", limit(1, "PT1M"))))
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].pointer", equalTo("/rateLimits/submisionsPerKey"));
    }

    @Test
    void anUpdateIsCheckedAsARegistrationIs() {
        Map<String, Object> body = body("Healthwatch Chorley", null);
        String id = registerOrganisation(body);
        body.put("rateLimits", Map.of("readsPerKey", limit(0, "PT1M")));
        given().header("Authorization", ADMIN).header("If-Match", currentETag(id)).contentType(ContentType.JSON)
                .body(body)
                .when().put("/api/v1/organisations/" + id)
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.pointer", contains("/rateLimits/readsPerKey/requests"));
    }

    private static void refused(Map<String, Object> limits, String pointerStart) {
        postAsAdmin("/api/v1/organisations", body("Healthwatch Out Of Bounds", limits))
                .statusCode(422).contentType("application/problem+json")
                .body("errors[0].pointer", startsWith(pointerStart));
    }

    private static Map<String, Object> body(String name, Map<String, Object> rateLimits) {
        Map<String, Object> body = new HashMap<>(organisation(name, "HEALTHWATCH", List.of()));
        if (rateLimits != null) {
            body.put("rateLimits", rateLimits);
        }
        return body;
    }

    private static Map<String, Object> limit(long requests, String per) {
        return Map.of("requests", requests, "per", per);
    }

    private static String currentETag(String id) {
        return given().header("Authorization", ADMIN).when().get("/api/v1/organisations/" + id)
                .then().statusCode(200).extract().header("ETag");
    }

    /** Updates and returns the new version. */
    private static long update(String id, Map<String, Object> body, String etag) {
        return given().header("Authorization", ADMIN).header("If-Match", etag).contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/organisations/" + id)
                .then().statusCode(200)
                .extract().<Number>path("version").longValue();
    }

    private static long version(String id) {
        return given().header("Authorization", ADMIN).when().get("/api/v1/organisations/" + id)
                .then().statusCode(200).extract().<Number>path("version").longValue();
    }

    /** The limits the event of this type announced for the organisation at that version. */
    private RateLimitsData announced(String id, EventType type, long version) {
        var event = EventProbe.await(ChorusEventTypes.DIRECTORY_ORGANISATIONS,
                e -> e.aggregateId().equals(id) && e.type().equals(type.type()) && data(e).version() == version,
                Duration.ofSeconds(10));
        return data(event).rateLimits();
    }

    private OrganisationData data(ChorusEvent event) {
        return event.dataAs(objectMapper, OrganisationData.class);
    }
}
