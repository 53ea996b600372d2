package org.chorus.directory.audit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.chorus.directory.DirectoryFixtures.organisation;
import static org.chorus.directory.DirectoryFixtures.registerOrganisation;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.platform.testing.TestCallers;
import org.chorus.platform.web.caller.Scopes;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/** Administrators can see who issued and revoked which key, from where; nobody can rewrite it. */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class AuditLogTest {

    private static final UUID ADMIN_ORGANISATION = UUID.randomUUID();
    private static final UUID ADMIN_KEY = UUID.randomUUID();
    private static final String ADMIN = "Bearer " + TestCallers.token(ADMIN_ORGANISATION, ADMIN_KEY, "secret",
            java.util.Set.of(Scopes.DIRECTORY_MANAGE));

    @Inject
    DataSource dataSource;

    @Test
    void issuingAndRevokingAKeyAreAuditedWithWhoAndWhere() {
        String organisationId = registerOrganisation(organisation("Healthwatch Audit Test", "HEALTHWATCH", List.of()));
        String keyId = given().header("Authorization", ADMIN).header("X-Forwarded-For", "198.51.100.23")
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Uploads", "kind", "SECRET", "scopes", List.of("insights:write")))
                .when().post("/api/v1/organisations/" + organisationId + "/api-keys")
                .then().statusCode(201).extract().path("key.id");
        given().header("Authorization", ADMIN).when().post("/api/v1/api-keys/" + keyId + "/revoke")
                .then().statusCode(200);

        JsonPath issued = awaitEntry("api-key.issued", keyId);
        assertEquals(ADMIN_ORGANISATION.toString(), issued.getString("organisationId"));
        assertEquals(ADMIN_KEY.toString(), issued.getString("keyId"));
        assertEquals("198.51.100.23", issued.getString("clientAddress"));
        assertEquals("/chorus/partner-directory-service", issued.getString("source"));
        assertEquals("insights:write", issued.getString("details.scopes"));
        assertTrue(issued.getString("requestId") != null);
        awaitEntry("api-key.revoked", keyId);
    }

    @Test
    void theLogCanBeFilteredAndIsReadableOnlyByAdministrators() {
        registerOrganisation(organisation("Filtered Forum", "VCFSE", List.of()));
        given().header("Authorization", ADMIN).queryParam("action", "organisation.registered").queryParam("limit", 500)
                .when().get("/api/v1/audit-log")
                .then().statusCode(200).body("items.action", everyItem(equalTo("organisation.registered")));
        given().header("Authorization", TestCallers.bearer(UUID.randomUUID(), Scopes.INSIGHTS_READ, Scopes.EXPORTS_READ))
                .when().get("/api/v1/audit-log")
                .then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", ADMIN).queryParam("since", "yesterday")
                .when().get("/api/v1/audit-log")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void noOneCanChangeOrDeleteAnEntryNotEvenTheService() throws Exception {
        registerOrganisation(organisation("Append Only Trust", "NHS_TRUST", List.of()));
        awaitAny("organisation.registered");
        try (Connection connection = dataSource.getConnection()) {
            SQLException update = assertThrows(SQLException.class,
                    () -> connection.createStatement().executeUpdate("UPDATE audit_entry SET action = 'nothing'"));
            assertTrue(update.getMessage().contains("append-only"), update.getMessage());
            assertThrows(SQLException.class, () -> connection.createStatement().executeUpdate("DELETE FROM audit_entry"));
        }
    }

    private JsonPath awaitEntry(String action, String subjectId) {
        JsonPath page = await("a " + action + " entry for " + subjectId + " in the audit log")
                .atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                .until(() -> auditLog(action), log -> indexOf(log, subjectId) >= 0);
        return new JsonPath(page.prettify()).setRootPath("items[" + indexOf(page, subjectId) + "]");
    }

    private void awaitAny(String action) {
        await("a " + action + " entry in the audit log").atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(50)).until(() -> !auditLog(action).getList("items").isEmpty());
    }

    private static JsonPath auditLog(String action) {
        return given().header("Authorization", ADMIN).queryParam("action", action).queryParam("limit", 500)
                .when().get("/api/v1/audit-log").then().statusCode(200).extract().jsonPath();
    }

    private static int indexOf(JsonPath page, String subjectId) {
        List<Map<String, Object>> items = page.getList("items");
        for (int i = 0; i < items.size(); i++) {
            if (subjectId.equals(items.get(i).get("subjectId"))) {
                return i;
            }
        }
        return -1;
    }
}
