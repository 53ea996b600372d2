package org.chorus.directory;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chorus.platform.testing.TestCallers;
import org.chorus.platform.web.caller.Scopes;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Places and organisations for tests, each with fresh codes so that tests never collide. */
public final class DirectoryFixtures {

    public static final String ADMIN = TestCallers.bearer(UUID.randomUUID(), Scopes.DIRECTORY_MANAGE);

    private DirectoryFixtures() {
    }

    public static String unique(String stem) {
        return stem + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Registers an integrated care system and one local authority area inside it; returns the area's code. */
    public static String registerArea(String stem) {
        String system = unique(stem + "-ics");
        registerPlace(system, "Test integrated care system", "INTEGRATED_CARE_SYSTEM", null);
        String area = unique(stem);
        registerPlace(area, "Test area " + stem, "LOCAL_AUTHORITY_AREA", system);
        return area;
    }

    public static void registerPlace(String code, String name, String kind, String parentCode) {
        var body = new java.util.HashMap<String, Object>(Map.of("code", code, "name", name, "kind", kind));
        body.put("parentCode", parentCode);
        postAsAdmin("/api/v1/places", body).statusCode(201);
    }

    /** Posts a JSON body as the partnership's administrator, for the answer to be checked. */
    public static ValidatableResponse postAsAdmin(String path, Object body) {
        return given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body)
                .when().post(path).then();
    }

    public static Map<String, Object> organisation(String name, String type, List<String> placeCodes) {
        return Map.of("name", name, "type", type, "placeCodes", placeCodes,
                "allowedOrigins", List.of("https://www.healthwatch-test.example"),
                "website", "https://www.healthwatch-test.example",
                "contactEmail", "enquiries@healthwatch-test.example");
    }

    /** Registers an organisation and returns its id. */
    public static String registerOrganisation(Map<String, Object> body) {
        return postAsAdmin("/api/v1/organisations", body).statusCode(201)
                .extract().path("id");
    }
}
