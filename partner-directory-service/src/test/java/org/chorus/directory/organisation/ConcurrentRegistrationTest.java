package org.chorus.directory.organisation;

import static org.chorus.directory.DirectoryFixtures.organisation;
import static org.chorus.directory.DirectoryFixtures.postAsAdmin;
import static org.chorus.directory.DirectoryFixtures.registerPlace;
import static org.chorus.directory.DirectoryFixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import jakarta.inject.Inject;

import org.chorus.directory.place.PlaceInput;
import org.chorus.directory.place.PlaceKind;
import org.chorus.directory.place.PlaceService;
import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.platform.testing.HeldTransaction;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * Two registrations at once claiming one place code, or one ODS code: the second waits for the first and hears the
 * 409 a later request would, where both passed the check and the second's insert failed with a 500.
 */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class ConcurrentRegistrationTest {

    @Inject
    PlaceService places;

    @Inject
    OrganisationService organisations;

    @Test
    void theSecondOfTwoPlacesWithOneCodeHearsTheCodeIsTaken() throws Exception {
        String system = unique("racing-ics");
        registerPlace(system, "Racing system", "INTEGRATED_CARE_SYSTEM", null);
        String code = unique("racing-area");
        try (HeldTransaction<?> first = HeldTransaction.open(
                () -> places.register(new PlaceInput(code, "First", PlaceKind.LOCAL_AUTHORITY_AREA, system)))) {
            ExtractableResponse<Response> answer = first.sendWhileHeld(() -> postAsAdmin("/api/v1/places",
                    Map.of("code", code, "name", "Second", "kind", "LOCAL_AUTHORITY_AREA", "parentCode", system))
                    .extract());
            assertEquals(409, answer.statusCode(), answer.asString());
            assertTrue(answer.path("detail").toString().contains(code), answer.asString());
        }
    }

    @Test
    void theSecondOfTwoOrganisationsWithOneOdsCodeHearsTheCodeIsTaken() throws Exception {
        String ods = "R" + Integer.toString(new Random().nextInt(36 * 36 * 36 * 36), 36).toUpperCase();
        Map<String, Object> body = new HashMap<>(organisation("Racing Trust", "NHS_TRUST", List.of()));
        body.put("odsCode", ods);
        OrganisationInput input = new OrganisationInput("Racing Trust", OrganisationType.NHS_TRUST, ods, null, null,
                List.of(), List.of(), null);
        try (HeldTransaction<Organisation> first = HeldTransaction.open(() -> organisations.register(input))) {
            ExtractableResponse<Response> answer = first.sendWhileHeld(
                    () -> postAsAdmin("/api/v1/organisations", body).extract());
            String firstId = first.commit().id().toString();

            assertEquals(409, answer.statusCode(), answer.asString());
            assertTrue(answer.path("detail").toString().contains(firstId), "names the one that has it: "
                    + answer.asString());
        }
    }
}
