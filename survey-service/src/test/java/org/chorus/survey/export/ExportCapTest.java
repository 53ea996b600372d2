package org.chorus.survey.export;

import static io.restassured.RestAssured.given;
import static org.chorus.survey.SurveyFixtures.minimal;
import static org.chorus.survey.SurveyFixtures.newOwner;
import static org.chorus.survey.SurveyFixtures.openSmallSurvey;
import static org.chorus.survey.SurveyFixtures.submit;
import static org.chorus.survey.SurveyFixtures.website;
import static org.chorus.survey.export.ExportFixtures.EXPORT;
import static org.chorus.survey.export.ExportFixtures.export;
import static org.chorus.survey.export.ExportFixtures.parse;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.platform.testing.EventProbe;
import org.chorus.platform.testing.TestCallers;
import org.chorus.platform.web.caller.Scopes;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * An organisation runs at most two exports at once, counted in PostgreSQL so that the cap holds across replicas:
 * slots held by other sessions (as another replica's exports hold them) turn its next export into a 429 with
 * Retry-After, while other organisations export as usual, and a finished export frees its slot.
 */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class ExportCapTest {

    @Inject
    ExportSlots slots;

    @Test
    void aThirdConcurrentExportOfOneOrganisationIsRefusedUntilASlotIsFree() throws Exception {
        String surveyId = openSmallSurvey(newOwner());
        submit(website(), surveyId, minimal());
        UUID organisation = UUID.randomUUID();
        String analyst = TestCallers.bearer(organisation, Scopes.EXPORTS_READ);

        ExportSlots.Slot first = slots.take(organisation);
        try (ExportSlots.Slot second = slots.take(organisation)) {
            given().header("Authorization", analyst).queryParam("format", "csv").when().get(EXPORT, surveyId)
                    .then().statusCode(429).contentType("application/problem+json")
                    .header("Retry-After", equalTo("30"))
                    .body("type", endsWith("too-many-exports"));
            assertEquals(2, parse(export(TestCallers.bearer(UUID.randomUUID(), Scopes.EXPORTS_READ), surveyId, "csv",
                    Map.of())).size(), "another organisation's export is not held up");

            first.close();
            for (int i = 0; i < 3; i++) {
                assertEquals(2, parse(export(analyst, surveyId, "csv", Map.of())).size(),
                        "export " + i + " got the free slot, and gave it back when it ended");
            }
        }
        given().header("Authorization", analyst).queryParam("format", "csv").when().get(EXPORT, surveyId)
                .then().statusCode(200);
    }

    /** HEAD runs no export: RESTEasy answers it through the GET method and never writes the body that frees a slot. */
    @Test
    void headAnswersTheHeadersWithoutTakingASlotOrBeingAudited() throws Exception {
        String surveyId = openSmallSurvey(newOwner());
        submit(website(), surveyId, minimal());
        String analyst = TestCallers.bearer(UUID.randomUUID(), Scopes.EXPORTS_READ);

        for (int i = 0; i < 3; i++) {
            given().header("Authorization", analyst).queryParam("format", "csv").when().head(EXPORT, surveyId)
                    .then().statusCode(200).contentType(startsWith("text/csv"))
                    .header("Content-Disposition", endsWith("-responses.csv\""))
                    .header(ExportResource.NEXT_CURSOR, not(emptyOrNullString()));
        }
        for (int i = 0; i < 2; i++) {
            assertEquals(2, parse(export(analyst, surveyId, "csv", Map.of())).size(),
                    "export " + i + " found a free slot after the HEADs");
        }

        String admin = TestCallers.bearer(UUID.randomUUID(), Scopes.DIRECTORY_MANAGE);
        given().header("Authorization", admin).queryParam("limit", 500).when().get("/api/v1/exports/audit")
                .then().statusCode(200)
                .body("items.findAll { it.surveyId == '" + surveyId + "' }.size()", equalTo(2));
        // the GETs' last entry is recorded after every HEAD, so once it is there a HEAD's would be too
        EventProbe.awaitAll(ChorusEventTypes.AUDIT_ENTRIES, e -> new String(e.data())
                .contains("\"responses.export-finished\"") && new String(e.data()).contains(surveyId), 2,
                Duration.ofSeconds(10));
        assertEquals(2, EventProbe.all(ChorusEventTypes.AUDIT_ENTRIES, e -> new String(e.data())
                .contains("\"responses.exported\"") && new String(e.data()).contains(surveyId)).size(),
                "only the GETs released rows");
    }
}
