package org.chorus.directory.handover;

import static io.restassured.RestAssured.given;
import static org.chorus.directory.DirectoryFixtures.ADMIN;
import static org.chorus.directory.DirectoryFixtures.organisation;
import static org.chorus.directory.DirectoryFixtures.postAsAdmin;
import static org.chorus.directory.DirectoryFixtures.registerArea;
import static org.chorus.directory.DirectoryFixtures.registerOrganisation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.platform.testing.TestCallers;
import org.chorus.platform.testing.ZipFiles;
import org.chorus.platform.web.caller.Scopes;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The directory's part of a handover: the organisation, its places and origins, its keys described but never secret. */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class DirectoryHandoverTest {

    @Test
    void theOrganisationIsHandedOverWithItsPlacesOriginsAndKeysButNoSecret() {
        String area = registerArea("handover");
        String organisation = registerOrganisation(organisation("Healthwatch Handover", "HEALTHWATCH", List.of(area)));
        var issued = postAsAdmin("/api/v1/organisations/" + organisation + "/api-keys",
                Map.of("name", "Uploads", "kind", "SECRET", "scopes", List.of("insights:write")))
                .statusCode(201).extract();
        String secret = issued.path("secret");

        Map<String, String> files = ZipFiles.texts(given()
                .header("Authorization", TestCallers.bearer(UUID.fromString(organisation), Scopes.HANDOVER_READ))
                .queryParam("organisation", organisation).when().get("/api/v1/handover/directory")
                .then().statusCode(200).extract().asByteArray());

        assertEquals(List.of("organisation.csv", "places.csv", "origins.csv", "api_keys.csv", "datapackage.json"),
                List.copyOf(files.keySet()));
        assertTrue(files.get("organisation.csv").contains(organisation));
        assertEquals(3, files.get("places.csv").lines().count(), "its area and the system above it, and a header");
        assertEquals(List.of("origin", "https://www.healthwatch-test.example"), files.get("origins.csv").lines().toList());
        String keys = files.get("api_keys.csv");
        assertTrue(keys.contains((String) issued.path("key.id")));
        assertFalse(keys.contains(secret.substring(0, 12)), "not even the secret's prefix");
        for (String file : files.values()) {
            assertFalse(file.contains(secret), "no secret anywhere");
        }
    }
}
