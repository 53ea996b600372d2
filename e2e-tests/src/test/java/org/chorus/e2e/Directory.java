package org.chorus.e2e;

import static org.chorus.e2e.SystemUnderTest.as;
import static org.chorus.e2e.SystemUnderTest.admin;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;

/** Directory steps the tests share, each with fresh names so that tests never collide. */
final class Directory {

    /** The web origin of the test organisations' websites, from which their publishable keys are used. */
    static final String WEBSITE = "https://www.example.org";

    private Directory() {
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
        Map<String, Object> body = new HashMap<>(details);
        body.put("name", details.get("name") + " (e2e " + UUID.randomUUID().toString().substring(0, 8) + ")");
        return as(admin()).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(body)
                .when().post("/api/v1/organisations")
                .then().statusCode(201)
                .extract().path("id");
    }

    /** Registers an integrated care system under a fresh code, the simplest place an organisation can cover. */
    static String registerPlace(String name) {
        String code = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        as(admin()).contentType(ContentType.JSON)
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
        var issued = as(admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "e2e key", "kind", "SECRET", "scopes", List.of(scopes)))
                .when().post("/api/v1/organisations/" + organisationId + "/api-keys")
                .then().statusCode(201)
                .extract();
        return new String[] { issued.path("key.id"), issued.path("secret") };
    }
}
