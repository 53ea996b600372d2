package org.chorus.directory.apikey;

import static io.restassured.RestAssured.given;
import static org.chorus.directory.DirectoryFixtures.ADMIN;
import static org.chorus.directory.DirectoryFixtures.organisation;
import static org.chorus.directory.DirectoryFixtures.postAsAdmin;
import static org.chorus.directory.DirectoryFixtures.registerOrganisation;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.chorus.directory.organisation.OrganisationService;
import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.platform.testing.HeldTransaction;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Deactivating an organisation revokes its keys. A key issued while the deactivation was being stored read the
 * organisation as still active and was left usable, listed as a working key of an organisation that no longer is one;
 * so was the replacement of a key being rotated as the deactivation listed the keys to revoke. Now the issue waits for
 * the deactivation and is refused, and the deactivation waits for the rotation and revokes both keys.
 */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class KeysDuringDeactivationTest {

    private static final Map<String, Object> SERVER_KEY = Map.of("name", "Forum server", "kind", "SECRET",
            "scopes", List.of("insights:write"));

    private final OrganisationService organisations;
    private final ApiKeyService keys;

    @Inject
    KeysDuringDeactivationTest(OrganisationService organisations, ApiKeyService keys) {
        this.organisations = organisations;
        this.keys = keys;
    }

    @Test
    void aKeyIssuedWhileItsOrganisationIsDeactivatedIsRefused() throws Exception {
        String organisationId = registerOrganisation(organisation("Closing Forum", "VCFSE", List.of()));

        ValidatableResponse issued = duringDeactivation(organisationId,
                () -> postAsAdmin("/api/v1/organisations/" + organisationId + "/api-keys", SERVER_KEY));

        issued.statusCode(422).contentType("application/problem+json").body("type", endsWith("/organisation-inactive"));
        assertEquals(List.of(), usableKeys(organisationId));
    }

    @Test
    void aDeactivationWhileAKeyIsRotatedRevokesTheReplacementToo() throws Exception {
        String organisationId = registerOrganisation(organisation("Closing Network", "VCFSE", List.of()));
        String keyId = postAsAdmin("/api/v1/organisations/" + organisationId + "/api-keys", SERVER_KEY)
                .statusCode(201).extract().path("key.id");
        String etag = etagOf(organisationId);

        ValidatableResponse deactivated;
        try (HeldTransaction<IssuedApiKey> rotation = HeldTransaction.open(
                () -> keys.rotate(UUID.fromString(keyId), new RotationInput(60)))) {
            // it waits for the organisation now; before, for the old key, having listed the keys to revoke
            deactivated = rotation.sendWhileHeld(() -> given().header("Authorization", ADMIN).header("If-Match", etag)
                    .when().post("/api/v1/organisations/" + organisationId + "/deactivate").then());
        }

        deactivated.statusCode(200);
        assertEquals(List.of(), usableKeys(organisationId), "the old key and its replacement are both revoked");
    }

    /**
     * Sends the request while the organisation's deactivation is held open, waits until the request waits for it,
     * commits it, and answers what the request got.
     */
    private ValidatableResponse duringDeactivation(String organisationId, Supplier<ValidatableResponse> request)
            throws Exception {
        String etag = etagOf(organisationId);
        try (HeldTransaction<?> deactivation = HeldTransaction.open(
                () -> organisations.deactivate(UUID.fromString(organisationId), etag))) {
            return deactivation.sendWhileHeld(request, "organisation");
        }
    }

    private static String etagOf(String organisationId) {
        return given().header("Authorization", ADMIN).when().get("/api/v1/organisations/" + organisationId)
                .then().statusCode(200).extract().header("ETag");
    }

    /** The ids of the organisation's keys that are neither revoked nor expired, as its administrator lists them. */
    private static List<String> usableKeys(String organisationId) {
        return given().header("Authorization", ADMIN)
                .when().get("/api/v1/organisations/" + organisationId + "/api-keys")
                .then().statusCode(200).extract().jsonPath()
                .getList("items.findAll { it.revokedAt == null && (it.expiresAt == null || it.expiresAt > '"
                        + Instant.now() + "') }.id");
    }
}
