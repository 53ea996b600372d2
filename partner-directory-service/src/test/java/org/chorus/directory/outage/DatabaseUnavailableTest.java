package org.chorus.directory.outage;

import static io.restassured.RestAssured.given;
import static org.chorus.directory.DirectoryFixtures.ADMIN;
import static org.chorus.directory.DirectoryFixtures.organisation;
import static org.chorus.directory.DirectoryFixtures.registerArea;
import static org.chorus.directory.DirectoryFixtures.registerOrganisation;
import static org.chorus.directory.DirectoryFixtures.unique;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.platform.testing.DatabaseOutage;
import org.chorus.platform.testing.StoredRows;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** With PostgreSQL stopped the directory answers 503 with Retry-After, and a retried registration is stored once. */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class DatabaseUnavailableTest {

    @Test
    void readsAndRegistrationsAnswer503UntilTheDatabaseIsBack() {
        String area = registerArea("outage");
        String existing = registerOrganisation(organisation(unique("Healthwatch Outage"), "HEALTHWATCH",
                List.of(area)));
        Map<String, Object> newcomer = organisation(unique("Healthwatch Newcomer"), "HEALTHWATCH", List.of(area));
        String idempotencyKey = UUID.randomUUID().toString();
        DatabaseOutage.assertCreateRetriedAfterwardsStoredOnce(
                () -> given().header("Authorization", ADMIN).when().get("/api/v1/organisations/" + existing).then(),
                () -> register(newcomer, idempotencyKey),
                () -> organisationsNamed(newcomer.get("name")));
    }

    private static ValidatableResponse register(Map<String, Object> body, String idempotencyKey) {
        return given().header("Authorization", ADMIN).header("Idempotency-Key", idempotencyKey)
                .contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/organisations").then();
    }

    private static int organisationsNamed(Object name) {
        return StoredRows.count("SELECT id FROM organisation WHERE name = ?", name);
    }
}
