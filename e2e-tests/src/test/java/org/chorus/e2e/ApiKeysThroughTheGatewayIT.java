package org.chorus.e2e;

import static org.awaitility.Awaitility.await;
import static org.chorus.e2e.SystemUnderTest.admin;
import static org.chorus.e2e.SystemUnderTest.anonymous;
import static org.chorus.e2e.SystemUnderTest.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;

/** An administrator issues and revokes keys; the gateway follows the directory within a second. */
class ApiKeysThroughTheGatewayIT {

    @Test
    void aKeyIssuedThenRevokedStopsWorkingAtTheGatewayWithinASecond() {
        String organisation = Directory.registerOrganisation("Healthwatch Lancashire", "HEALTHWATCH");
        String[] key = Directory.issueSecretKey(organisation, "insights:read");

        await().atMost(Duration.ofSeconds(5))
                .until(() -> as(key[1]).get("/api/v1/organisations").statusCode(), equalTo(200));

        as(admin()).when().post("/api/v1/api-keys/" + key[0] + "/revoke").then().statusCode(200);
        long revoked = System.nanoTime();
        // Polled every 20 ms from the start, so that the time measured is the gateway's, not the poll's.
        await().atMost(Duration.ofSeconds(5)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20))
                .until(() -> as(key[1]).get("/api/v1/organisations").statusCode(), equalTo(401));
        Duration refusedAfter = Duration.ofNanos(System.nanoTime() - revoked);
        assertTrue(refusedAfter.compareTo(Duration.ofSeconds(1)) < 0, "refused after " + refusedAfter);
        as(key[1]).when().get("/api/v1/organisations")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aRotatedKeyKeepsWorkingForItsGracePeriodBesideItsReplacement() {
        String organisation = Directory.registerOrganisation("Healthwatch Blackburn with Darwen", "HEALTHWATCH");
        String[] old = Directory.issueSecretKey(organisation, "insights:read");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> as(old[1]).get("/api/v1/organisations").statusCode(), equalTo(200));

        String replacement = as(admin()).contentType(ContentType.JSON).body(Map.of("graceMinutes", 60))
                .when().post("/api/v1/api-keys/" + old[0] + "/rotate")
                .then().statusCode(201).extract().path("secret");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> as(replacement).get("/api/v1/organisations").statusCode(), equalTo(200));
        as(old[1]).when().get("/api/v1/organisations").then().statusCode(200);

        String[] other = Directory.issueSecretKey(organisation, "insights:read");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> as(other[1]).get("/api/v1/organisations").statusCode(), equalTo(200));
        as(admin()).contentType(ContentType.JSON).body(Map.of("graceMinutes", 0))
                .when().post("/api/v1/api-keys/" + other[0] + "/rotate").then().statusCode(201);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> as(other[1]).get("/api/v1/organisations").statusCode(), equalTo(401));
    }

    @Test
    void missingAndUnknownKeysAre401AndAMissingScopeIs403() {
        anonymous().when().get("/api/v1/organisations")
                .then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
        as("chorus_sk_ThisKeyWasNeverIssuedByTheDirectory000000").when().get("/api/v1/organisations")
                .then().statusCode(401).contentType("application/problem+json");

        String organisation = Directory.registerOrganisation("Lancashire Analysts", "OTHER");
        String[] reader = Directory.issueSecretKey(organisation, "insights:read");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> as(reader[1]).get("/api/v1/organisations").statusCode(), equalTo(200));
        as(reader[1]).contentType(ContentType.JSON)
                .body(Map.of("name", "Not allowed", "type", "OTHER"))
                .when().post("/api/v1/organisations")
                .then().statusCode(403).contentType("application/problem+json")
                .body("requestId", notNullValue());
    }

    @Test
    void badInputIsAProblemNamingTheFieldThroughTheGateway() {
        as(admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "Bad code", "type", "ICB", "odsCode", "qe-1", "placeCodes", List.of()))
                .when().post("/api/v1/organisations")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].pointer", equalTo("/odsCode"));
    }
}
