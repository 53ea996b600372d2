package org.chorus.directory.webhook;

import static io.restassured.RestAssured.given;
import static org.chorus.directory.DirectoryFixtures.organisation;
import static org.chorus.directory.DirectoryFixtures.registerArea;
import static org.chorus.directory.DirectoryFixtures.registerOrganisation;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.platform.testing.TestCallers;
import org.chorus.platform.web.caller.Scopes;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** An organisation makes, reads, rotates and deletes its webhook subscriptions; nobody else can. */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class WebhookResourceTest {

    private static final String RECEIVER = "http://127.0.0.1:9/hooks";

    @Test
    void aSubscriptionShowsItsSecretOnceAndIsReadWithout() {
        String owner = ownerKey();
        ExtractableResponse<Response> created = subscribe(owner, RECEIVER, List.of("finding.published"))
                .statusCode(201).header("Location", startsWith("http")).header("ETag", startsWith("\"0-"))
                .body("subscription.status", equalTo("ACTIVE"))
                .body("subscription.eventTypes", equalTo(List.of("finding.published")))
                .body("secret", startsWith("whsec_")).extract();
        String secret = created.path("secret");
        assertTrue(Base64.getDecoder().decode(secret.substring("whsec_".length())).length >= 24);
        String id = created.path("subscription.id");

        given().header("Authorization", owner).when().get("/api/v1/webhooks/" + id)
                .then().statusCode(200).header("ETag", startsWith("\"0-")).body("$", not(hasKey("secret")))
                .body("url", equalTo(RECEIVER));
        given().header("Authorization", owner).when().get("/api/v1/webhooks")
                .then().statusCode(200).body("items.id", hasItem(id)).body("items[0]", not(hasKey("secret")));
    }

    @Test
    void rotatingNeedsTheCurrentETagAndGivesANewSecretOnce() {
        String owner = ownerKey();
        ExtractableResponse<Response> created = subscribe(owner, RECEIVER, List.of("survey.opened")).statusCode(201)
                .extract();
        String id = created.path("subscription.id");

        given().header("Authorization", owner).when().post("/api/v1/webhooks/" + id + "/rotate-secret")
                .then().statusCode(428);
        given().header("Authorization", owner).header("If-Match", "\"7\"")
                .when().post("/api/v1/webhooks/" + id + "/rotate-secret").then().statusCode(412);
        String rotated = given().header("Authorization", owner).header("If-Match", "\"0\"")
                .when().post("/api/v1/webhooks/" + id + "/rotate-secret")
                .then().statusCode(200).header("ETag", startsWith("\"1-")).body("secret", startsWith("whsec_"))
                .extract().path("secret");
        assertNotEquals(created.path("secret"), rotated);

        given().header("Authorization", owner).header("If-Match", "\"0\"").when().delete("/api/v1/webhooks/" + id)
                .then().statusCode(412);
        given().header("Authorization", owner).header("If-Match", "\"1\"").when().delete("/api/v1/webhooks/" + id)
                .then().statusCode(204);
        given().header("Authorization", owner).when().get("/api/v1/webhooks/" + id).then().statusCode(404);
    }

    @Test
    void privateAndPlainHttpTargetsAreRefusedNamingTheUrl() {
        String owner = ownerKey();
        for (String url : List.of("https://10.0.0.7/hooks", "https://169.254.169.254/latest/meta-data",
                "https://[fd00::1]/hooks", "https://192.168.1.20/hooks", "http://93.184.215.14/hooks",
                "ftp://93.184.215.14/hooks")) {
            subscribe(owner, url, List.of("finding.published"))
                    .statusCode(422).contentType("application/problem+json")
                    .body("errors[0].pointer", equalTo("/url"));
        }
        subscribe(owner, RECEIVER, List.of("finding.published", "finding.eaten"))
                .statusCode(422).body("errors[0].pointer", equalTo("/eventTypes/1"));
    }

    @Test
    void anotherOrganisationCannotReadOrChangeASubscriptionAndOtherScopesCannotSubscribe() {
        String owner = ownerKey();
        String id = subscribe(owner, RECEIVER, List.of("action.published")).statusCode(201)
                .extract().path("subscription.id");
        String stranger = ownerKey();

        given().header("Authorization", stranger).when().get("/api/v1/webhooks/" + id)
                .then().statusCode(403).body("title", startsWith("Not your"));
        given().header("Authorization", stranger).header("If-Match", "\"0\"").when().delete("/api/v1/webhooks/" + id)
                .then().statusCode(403);
        given().header("Authorization", stranger).when().get("/api/v1/webhooks")
                .then().statusCode(200).body("items.id", not(hasItem(id)));

        String writer = TestCallers.bearer(UUID.fromString(registeredOrganisation()), Scopes.INSIGHTS_WRITE);
        subscribe(writer, RECEIVER, List.of("action.published")).statusCode(403);
    }

    private static String ownerKey() {
        return TestCallers.bearer(UUID.fromString(registeredOrganisation()), Scopes.WEBHOOKS_MANAGE);
    }

    private static String registeredOrganisation() {
        return registerOrganisation(organisation("Healthwatch Webhooks", "HEALTHWATCH", List.of(registerArea("hooks"))));
    }

    static io.restassured.response.ValidatableResponse subscribe(String key, String url, List<String> types) {
        return given().header("Authorization", key).contentType(ContentType.JSON)
                .body(Map.of("url", url, "eventTypes", types))
                .when().post("/api/v1/webhooks").then();
    }
}
