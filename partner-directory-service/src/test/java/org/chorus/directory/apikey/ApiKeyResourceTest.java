package org.chorus.directory.apikey;

import static io.restassured.RestAssured.given;
import static org.chorus.directory.DirectoryFixtures.ADMIN;
import static org.chorus.directory.DirectoryFixtures.organisation;
import static org.chorus.directory.DirectoryFixtures.postAsAdmin;
import static org.chorus.directory.DirectoryFixtures.registerOrganisation;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.chorus.platform.events.ChorusEvent;
import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.events.contract.ApiKeyData;
import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.platform.testing.EventProbe;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class ApiKeyResourceTest {

    @Inject
    ObjectMapper objectMapper;

    @Test
    void anIssuedKeyShowsItsSecretOnceAndTheEventCarriesOnlyItsHash() {
        String organisationId = registerOrganisation(organisation("Healthwatch Cumbria", "HEALTHWATCH", List.of()));
        var issued = postAsAdmin("/api/v1/organisations/" + organisationId + "/api-keys",
                Map.of("name", "Analyst export job", "kind", "SECRET",
                        "scopes", List.of("insights:read", "exports:read")))
                .statusCode(201)
                .body("secret", startsWith("chorus_sk_"))
                .body("key.scopes", contains("exports:read", "insights:read"))
                .extract();
        String secret = issued.path("secret");
        String keyId = issued.path("key.id");
        assertEquals(50, secret.length());

        given().header("Authorization", ADMIN)
                .when().get("/api/v1/organisations/" + organisationId + "/api-keys")
                .then().statusCode(200)
                .body("items[0].id", equalTo(keyId))
                .body("items[0].prefix", equalTo(secret.substring(0, 14)))
                .body("items[0]", not(hasKey("secret")));
        String listing = given().header("Authorization", ADMIN)
                .when().get("/api/v1/api-keys/" + keyId).then().statusCode(200).extract().asString();
        assertFalse(listing.contains(secret), "the secret is never shown again");

        ChorusEvent event = EventProbe.await(ChorusEventTypes.DIRECTORY_API_KEYS, e -> e.aggregateId().equals(keyId),
                Duration.ofSeconds(10));
        ApiKeyData data = event.dataAs(objectMapper, ApiKeyData.class);
        assertEquals(KeySecrets.hash(secret), data.secretHash());
        assertEquals("secret", data.kind());
        assertFalse(new String(event.data()).contains(secret), "the event never carries the secret");
    }

    @Test
    void revokingAKeyAnnouncesItOnce() {
        String organisationId = registerOrganisation(organisation("Blackpool Carers Centre", "VCFSE", List.of()));
        String keyId = postAsAdmin("/api/v1/organisations/" + organisationId + "/api-keys",
                Map.of("name", "Website", "kind", "PUBLISHABLE"))
                .statusCode(201).body("secret", startsWith("chorus_pk_")).body("key.scopes", contains("public"))
                .extract().path("key.id");

        given().header("Authorization", ADMIN).when().post("/api/v1/api-keys/" + keyId + "/revoke")
                .then().statusCode(200).body("revokedAt", notNullValue());
        given().header("Authorization", ADMIN).when().post("/api/v1/api-keys/" + keyId + "/revoke")
                .then().statusCode(200);

        List<ChorusEvent> events = EventProbe.awaitAll(ChorusEventTypes.DIRECTORY_API_KEYS,
                e -> e.aggregateId().equals(keyId), 2, Duration.ofSeconds(10));
        assertEquals(ChorusEventTypes.API_KEY_REVOKED.type(), events.get(1).type());
        assertTrue(events.get(1).dataAs(objectMapper, ApiKeyData.class).revoked());
        assertTrue(events.get(0).sequence() < events.get(1).sequence(), "events of one key keep their order");
    }

    @Test
    void deactivatingAnOrganisationRevokesItsKeys() {
        String organisationId = registerOrganisation(organisation("Short-lived Forum", "VCFSE", List.of()));
        String keyId = postAsAdmin("/api/v1/organisations/" + organisationId + "/api-keys",
                Map.of("name", "Forum key", "kind", "SECRET", "scopes", List.of("insights:write")))
                .statusCode(201).extract().path("key.id");
        String etag = given().header("Authorization", ADMIN).when().get("/api/v1/organisations/" + organisationId)
                .then().extract().header("ETag");
        given().header("Authorization", ADMIN).header("If-Match", etag)
                .when().post("/api/v1/organisations/" + organisationId + "/deactivate").then().statusCode(200);

        given().header("Authorization", ADMIN).when().get("/api/v1/api-keys/" + keyId)
                .then().body("revokedAt", notNullValue());
        postAsAdmin("/api/v1/organisations/" + organisationId + "/api-keys",
                Map.of("name", "Another", "kind", "SECRET", "scopes", List.of("insights:write")))
                .statusCode(422).contentType("application/problem+json")
                .body("type", endsWith("/organisation-inactive"))
                .body("errors[0].parameter", equalTo("organisationId"));
    }

    @Test
    void scopesAreCheckedForEachKind() {
        String organisationId = registerOrganisation(organisation("Scope Checks CIC", "VCFSE", List.of()));
        String path = "/api/v1/organisations/" + organisationId + "/api-keys";
        postAsAdmin(path, Map.of("name", "Website", "kind", "PUBLISHABLE", "scopes", List.of("exports:read")))
                .statusCode(422).body("errors[0].pointer", equalTo("/scopes"));
        postAsAdmin(path, Map.of("name", "Server", "kind", "SECRET", "scopes", List.of("insights:read", "everything")))
                .statusCode(422).body("errors[0].pointer", equalTo("/scopes/1"));
        postAsAdmin(path, Map.of("name", "Server", "kind", "SECRET", "scopes", List.of()))
                .statusCode(422).body("errors[0].pointer", equalTo("/scopes"));
        postAsAdmin(path, Map.of("name", "Old", "kind", "SECRET", "scopes", List.of("insights:read"),
                "expiresAt", "2020-01-01T00:00:00Z"))
                .statusCode(422).body("errors[0].pointer", equalTo("/expiresAt"));
        // Milliseconds, as JavaScript gives them, were read as seconds: a key that expires in the year 57971.
        postAsAdmin(path, Map.of("name", "Soon", "kind", "SECRET", "scopes", List.of("insights:read"),
                "expiresAt", 1767225600000L))
                .statusCode(400).body("errors[0].pointer", equalTo("/expiresAt"))
                .body("errors[0].detail", startsWith("expected a time written as 2024-06-01T09:30:00Z"));
        given().header("Authorization", ADMIN).when().get(path).then().statusCode(200).body("items", empty());
    }

    @Test
    void aKindGivenAsANumberIsRefusedNotReadAsTheFirstKind() {
        String organisationId = registerOrganisation(organisation("Enum Numbers CIC", "VCFSE", List.of()));
        String path = "/api/v1/organisations/" + organisationId + "/api-keys";
        for (Object kind : List.of(0, "0", 1)) {
            postAsAdmin(path, Map.of("name", "Numbered", "kind", kind, "scopes", List.of("insights:read")))
                    .statusCode(400).contentType("application/problem+json")
                    .body("errors[0].pointer", equalTo("/kind"))
                    .body("errors[0].detail", containsString("SECRET"));
        }
        given().header("Authorization", ADMIN).when().get(path)
                .then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void aSecretKeyMayCarryTheContactsScopeAndTheGatewayLearnsIt() {
        String organisationId = registerOrganisation(organisation("Contacts Scope Trust", "NHS_TRUST", List.of()));
        String path = "/api/v1/organisations/" + organisationId + "/api-keys";
        String keyId = postAsAdmin(path, Map.of("name", "Patient experience team", "kind", "SECRET",
                "scopes", List.of("exports:read", "contacts:read")))
                .statusCode(201).body("key.scopes", contains("contacts:read", "exports:read"))
                .extract().path("key.id");
        ChorusEvent event = EventProbe.await(ChorusEventTypes.DIRECTORY_API_KEYS, e -> e.aggregateId().equals(keyId),
                Duration.ofSeconds(10));
        assertEquals(List.of("contacts:read", "exports:read"), event.dataAs(objectMapper, ApiKeyData.class).scopes());

        postAsAdmin(path, Map.of("name", "Website", "kind", "PUBLISHABLE", "scopes", List.of("contacts:read")))
                .statusCode(422).body("errors[0].pointer", equalTo("/scopes"));
        postAsAdmin(path, Map.of("name", "Typo", "kind", "SECRET", "scopes", List.of("contact:read")))
                .statusCode(422).body("errors[0].pointer", equalTo("/scopes/0"))
                .body("errors[0].detail", containsString("contacts:read"));
    }

    @Test
    void rotationIssuesAReplacementAndEndsTheOldKeyAfterItsGracePeriod() {
        String organisationId = registerOrganisation(organisation("Rotating Healthwatch", "HEALTHWATCH", List.of()));
        var old = postAsAdmin("/api/v1/organisations/" + organisationId + "/api-keys",
                Map.of("name", "Nightly upload", "kind", "SECRET", "scopes", List.of("insights:write")))
                .statusCode(201).extract();
        String oldId = old.path("key.id");

        Instant before = Instant.now();
        var replacement = postAsAdmin("/api/v1/api-keys/" + oldId + "/rotate", Map.of("graceMinutes", 60))
                .statusCode(201)
                .body("key.name", equalTo("Nightly upload"))
                .body("key.scopes", contains("insights:write"))
                .body("secret", startsWith("chorus_sk_"))
                .extract();
        assertNotEquals(old.<String>path("secret"), replacement.<String>path("secret"));

        Instant oldExpiry = Instant.parse(given().header("Authorization", ADMIN).when().get("/api/v1/api-keys/" + oldId)
                .then().statusCode(200).extract().path("expiresAt"));
        assertTrue(!oldExpiry.isBefore(before.plusSeconds(3590)) && oldExpiry.isBefore(Instant.now().plusSeconds(3610)),
                "the old key works for the grace period: " + oldExpiry);
        ApiKeyData rotated = EventProbe.awaitData(ChorusEventTypes.API_KEY_ROTATED, oldId, Duration.ofSeconds(10));
        assertEquals(oldExpiry, rotated.expiresAt());

        given().header("Authorization", ADMIN).when().post("/api/v1/api-keys/" + oldId + "/revoke").then().statusCode(200);
        postAsAdmin("/api/v1/api-keys/" + oldId + "/rotate", Map.of())
                .statusCode(409).contentType("application/problem+json");
        postAsAdmin("/api/v1/api-keys/" + replacement.path("key.id") + "/rotate", Map.of("graceMinutes", -1))
                .statusCode(422).body("errors[0].pointer", equalTo("/graceMinutes"));
    }

    @Test
    void theBootstrapAdministratorKeyIsRegisteredFromConfiguration() {
        String hash = KeySecrets.hash("chorus_sk_TestBootstrapKeyOnlyUsedByTheTestProfile0001");
        ChorusEvent event = EventProbe.await(ChorusEventTypes.DIRECTORY_API_KEYS,
                e -> hash.equals(e.dataAs(objectMapper, ApiKeyData.class).secretHash()), Duration.ofSeconds(10));
        assertEquals(List.of("directory:manage"), event.dataAs(objectMapper, ApiKeyData.class).scopes());
    }
}
