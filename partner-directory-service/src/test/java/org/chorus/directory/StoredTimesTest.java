package org.chorus.directory;

import static io.restassured.RestAssured.given;
import static org.chorus.directory.DirectoryFixtures.ADMIN;
import static org.chorus.directory.DirectoryFixtures.organisation;
import static org.chorus.directory.DirectoryFixtures.postAsAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.junit.jupiter.api.RepeatedTest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * A time the directory answers with is the time a later read returns: a partner that keeps an organisation's
 * updatedAt, or a key's revokedAt, never sees it change by a fraction of a microsecond on the next read. Repeated,
 * since a clock reading that happens to fall on a whole microsecond would hide the difference. A new organisation's
 * updatedAt is its createdAt, so that a later one means someone changed it.
 */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class StoredTimesTest {

    @RepeatedTest(3)
    void anOrganisationsTimesReadBackAsTheyWereAnswered() {
        ExtractableResponse<Response> created = postAsAdmin("/api/v1/organisations",
                organisation("Healthwatch Blackpool", "HEALTHWATCH", List.of())).statusCode(201).extract();
        String path = "/api/v1/organisations/" + created.path("id");
        assertEquals(created.<String>path("createdAt"), created.path("updatedAt"), "a new organisation is unchanged");
        assertTimesRead(path, created.jsonPath(), "createdAt", "updatedAt");

        JsonPath changed = given().header("Authorization", ADMIN).header("If-Match", created.header("ETag"))
                .contentType(ContentType.JSON).body(organisation("Healthwatch Blackpool CIC", "HEALTHWATCH", List.of()))
                .when().put(path).then().statusCode(200).extract().jsonPath();
        assertTimesRead(path, changed, "createdAt", "updatedAt");
    }

    @RepeatedTest(3)
    void aKeysTimesReadBackAsTheyWereAnswered() {
        String organisationId = DirectoryFixtures.registerOrganisation(
                organisation("Lancashire Mind", "VCFSE", List.of()));
        JsonPath issued = postAsAdmin("/api/v1/organisations/" + organisationId + "/api-keys",
                Map.of("name", "Website", "kind", "PUBLISHABLE")).statusCode(201).extract().jsonPath();
        String path = "/api/v1/api-keys/" + issued.getString("key.id");
        assertTimesRead(path, issued.setRootPath("key"), "createdAt");

        JsonPath revoked = given().header("Authorization", ADMIN).when().post(path + "/revoke")
                .then().statusCode(200).extract().jsonPath();
        assertTimesRead(path, revoked, "createdAt", "revokedAt");
    }

    private static void assertTimesRead(String path, JsonPath answered, String... fields) {
        JsonPath read = given().header("Authorization", ADMIN).when().get(path).then().statusCode(200)
                .extract().jsonPath();
        for (String field : fields) {
            assertEquals(Instant.parse(answered.getString(field)), Instant.parse(read.getString(field)), field);
        }
    }
}
