package org.chorus.e2e;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import org.chorus.localstack.RunningStack;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Directory steps the tests share, each with fresh names so that tests never collide: static ones in the tests' shared
 * installation, and the same steps in another installation through {@link #of(RunningStack)}.
 */
final class Directory {

    /** The web origin of the test organisations' websites, from which their publishable keys are used. */
    static final String WEBSITE = "https://www.example.org";

    /** Far longer than a key takes to reach the gateway, even on a busy machine. */
    private static final Duration KEY_REACHES_THE_GATEWAY = Duration.ofSeconds(30);

    private static final Directory SHARED = new Directory(SystemUnderTest::as, SystemUnderTest::admin);

    /** A request to this installation's gateway with the given key. */
    private final Function<String, RequestSpecification> withKey;
    private final Supplier<String> administratorKey;

    private Directory(Function<String, RequestSpecification> withKey, Supplier<String> administratorKey) {
        this.withKey = withKey;
        this.administratorKey = administratorKey;
    }

    /** The directory of another installation than the shared one, administered with its bootstrap key. */
    static Directory of(RunningStack stack) {
        return new Directory(key -> RestAssured.given().baseUri(stack.gatewayUrl().toString())
                .header("Authorization", "Bearer " + key), stack::bootstrapAdminKey);
    }

    /** A request as the installation's administrator. */
    private RequestSpecification administrator() {
        return withKey.apply(administratorKey.get());
    }

    /**
     * Registers an organisation whose name is made unique, so that no test takes a name the demo data uses: the
     * tests share one system, and the demo loader treats a known name as already loaded.
     */
    static String registerOrganisation(String name, String type) {
        return registerOrganisation(name, type, WEBSITE);
    }

    /** As {@link #registerOrganisation(String, String)}, with the web origins whose pages may use its publishable keys. */
    static String registerOrganisation(String name, String type, String... allowedOrigins) {
        return registerOrganisation(Map.of("name", name, "type", type, "placeCodes", List.of(),
                "allowedOrigins", List.of(allowedOrigins)));
    }

    /**
     * As {@link #registerOrganisation(String, String)}, covering the given places: the insight service accepts
     * activities only in places some active organisation covers.
     */
    static String registerOrganisationCovering(String name, String type, String... placeCodes) {
        return registerOrganisation(Map.of("name", name, "type", type, "placeCodes", List.of(placeCodes),
                "allowedOrigins", List.of(WEBSITE)));
    }

    /** As {@link #registerOrganisation(String, String)}, with every detail given, its name made unique. */
    static String registerOrganisation(Map<String, Object> details) {
        return SHARED.organisation(details);
    }

    /** An organisation of this installation, its name made unique. */
    String organisation(Map<String, Object> details) {
        Map<String, Object> body = new HashMap<>(details);
        body.put("name", details.get("name") + " (e2e " + UUID.randomUUID().toString().substring(0, 8) + ")");
        return administrator().contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(body)
                .when().post("/api/v1/organisations")
                .then().statusCode(201)
                .extract().path("id");
    }

    /** Registers an integrated care system under a fresh code, the simplest place an organisation can cover. */
    static String registerPlace(String name) {
        return SHARED.place("e2e-" + UUID.randomUUID().toString().substring(0, 8), name);
    }

    /** A place of this installation under the code given: a code names the same place in every installation. */
    String place(String code, String name) {
        administrator().contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", name, "kind", "INTEGRATED_CARE_SYSTEM"))
                .when().post("/api/v1/places")
                .then().statusCode(201);
        return code;
    }

    /** Issues a publishable key for the organisation's website and returns its secret once the gateway knows it. */
    static String issuePublishableKey(String organisationId) {
        String secret = SHARED.administrator().contentType(ContentType.JSON)
                .body(Map.of("name", "Website", "kind", "PUBLISHABLE"))
                .when().post("/api/v1/organisations/" + organisationId + "/api-keys")
                .then().statusCode(201)
                .extract().path("secret");
        SHARED.awaitKnownToTheGateway(organisationId, secret);
        return secret;
    }

    /** Issues a secret key and returns {keyId, secret} once the gateway knows it. */
    static String[] issueSecretKey(String organisationId, String... scopes) {
        return SHARED.secretKey(organisationId, scopes);
    }

    /** Issues a secret key and returns {keyId, secret} at once: for a gateway that cannot hear of it yet. */
    static String[] issueSecretKeyWithoutWaitingForTheGateway(String organisationId, String... scopes) {
        return SHARED.issue(organisationId, scopes);
    }

    /** A secret key of an organisation of this installation, {keyId, secret}, once the gateway knows it. */
    String[] secretKey(String organisationId, String... scopes) {
        String[] key = issue(organisationId, scopes);
        awaitKnownToTheGateway(organisationId, key[1]);
        return key;
    }

    private String[] issue(String organisationId, String... scopes) {
        var issued = administrator().contentType(ContentType.JSON)
                .body(Map.of("name", "e2e key", "kind", "SECRET", "scopes", List.of(scopes)))
                .when().post("/api/v1/organisations/" + organisationId + "/api-keys")
                .then().statusCode(201)
                .extract();
        return new String[] { issued.path("key.id"), issued.path("secret") };
    }

    /**
     * Waits until the gateway knows the key, as a careful client would: a key reaches it through Kafka, and the 201
     * comes before. A request made at once could meet a 401 (seen in an end-to-end run). The probe sends no Origin:
     * a known publishable key is then refused for that (403) before the rate limiter, so that it uses up none of the
     * limits some tests count.
     */
    private void awaitKnownToTheGateway(String organisationId, String secret) {
        await().atMost(KEY_REACHES_THE_GATEWAY).until(
                () -> withKey.apply(secret).get("/api/v1/organisations/" + organisationId).statusCode(),
                status -> status != 401 && status < 500);
    }
}
