package org.chorus.e2e;

import static org.chorus.e2e.SystemUnderTest.as;
import static org.chorus.e2e.SystemUnderTest.admin;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

    private static final Directory SHARED = new Directory(() -> as(admin()));

    /** A request as the installation's administrator. */
    private final Supplier<RequestSpecification> administrator;

    private Directory(Supplier<RequestSpecification> administrator) {
        this.administrator = administrator;
    }

    /** The directory of another installation than the shared one, administered with its bootstrap key. */
    static Directory of(RunningStack stack) {
        return new Directory(() -> RestAssured.given().baseUri(stack.gatewayUrl().toString())
                .header("Authorization", "Bearer " + stack.bootstrapAdminKey()));
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
        return administrator.get().contentType(ContentType.JSON)
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
        administrator.get().contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", name, "kind", "INTEGRATED_CARE_SYSTEM"))
                .when().post("/api/v1/places")
                .then().statusCode(201);
        return code;
    }

    /** Issues a publishable key for the organisation's website and returns its secret. */
    static String issuePublishableKey(String organisationId) {
        return as(admin()).contentType(ContentType.JSON).body(Map.of("name", "Website", "kind", "PUBLISHABLE"))
                .when().post("/api/v1/organisations/" + organisationId + "/api-keys")
                .then().statusCode(201)
                .extract().path("secret");
    }

    /** Issues a secret key and returns {keyId, secret}. */
    static String[] issueSecretKey(String organisationId, String... scopes) {
        return SHARED.secretKey(organisationId, scopes);
    }

    /** A secret key of an organisation of this installation: {keyId, secret}. */
    String[] secretKey(String organisationId, String... scopes) {
        var issued = administrator.get().contentType(ContentType.JSON)
                .body(Map.of("name", "e2e key", "kind", "SECRET", "scopes", List.of(scopes)))
                .when().post("/api/v1/organisations/" + organisationId + "/api-keys")
                .then().statusCode(201)
                .extract();
        return new String[] { issued.path("key.id"), issued.path("secret") };
    }
}
