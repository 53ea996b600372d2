package org.chorus.survey;

import static io.restassured.RestAssured.given;
import static org.chorus.survey.SurveyFixtures.createDraft;
import static org.chorus.survey.SurveyFixtures.newOwner;
import static org.chorus.survey.SurveyFixtures.publish;
import static org.chorus.survey.SurveyFixtures.smallSurvey;
import static org.hamcrest.Matchers.hasItem;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.platform.testing.TestCallers;
import org.chorus.platform.web.caller.Scopes;
import org.chorus.survey.SurveyFixtures.Owner;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * Cursors are opaque but anyone can edit one: a well-formed cursor whose time is not an instant, or an instant
 * PostgreSQL cannot hold, is a 400 problem naming the cursor parameter wherever a cursor is read, never a 500.
 */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class TamperedCursorTest {

    private static final List<String> BAD_TIMES = List.of("not-a-time", "2026-13-01T00:00:00Z",
            "+1000000-01-01T00:00:00Z", "-1000000-01-01T00:00:00Z");

    @Test
    void surveyListsRefuseATamperedCursor() {
        for (String time : BAD_TIMES) {
            refused(given().header("Authorization", newOwner().bearer()).queryParam("cursor", keyset(time)),
                    "/api/v1/surveys");
        }
    }

    @Test
    void theExportAuditLogRefusesATamperedCursor() {
        String admin = TestCallers.bearer(UUID.randomUUID(), Scopes.DIRECTORY_MANAGE);
        for (String time : BAD_TIMES) {
            refused(given().header("Authorization", admin).queryParam("cursor", keyset(time)),
                    "/api/v1/exports/audit");
        }
    }

    @Test
    void exportsRefuseATamperedCursor() {
        Owner owner = newOwner();
        String surveyId = createDraft(owner, smallSurvey());
        publish(owner, surveyId);
        for (String time : BAD_TIMES) {
            refused(given().header("Authorization", SurveyFixtures.analyst()).queryParam("cursor",
                    encode("export-after:" + time)), "/api/v1/surveys/" + surveyId + "/responses/export");
        }
    }

    /**
     * The commit snapshot a cursor carries is written into the export's SQL: anything PostgreSQL's own input would
     * refuse, or that is not a snapshot at all, is refused first.
     */
    @Test
    void exportsAndTheChangeFeedRefuseATamperedSnapshot() {
        Owner owner = newOwner();
        String surveyId = createDraft(owner, smallSurvey());
        publish(owner, surveyId);
        String time = "export-after:2026-12-01T00:00:00Z committed:";
        for (String snapshot : List.of("", "0:5:", "9:5:", "5:9:9", "5:9:4", "5:9:7,6", "5:9:6,6", "5:9:6,", "5:9",
                "5:9:x", "5:9:6' OR '1", "99999999999999999999:99999999999999999999:")) {
            for (String path : List.of("/export", "/changes")) {
                refused(given().header("Authorization", SurveyFixtures.analyst())
                        .queryParam("cursor", encode(time + snapshot)), "/api/v1/surveys/" + surveyId + "/responses"
                                + path);
            }
        }
        given().header("Authorization", SurveyFixtures.analyst()).queryParam("cursor", encode(time + "5:9:6,8"))
                .when().get("/api/v1/surveys/" + surveyId + "/responses/changes").then().statusCode(200);
    }

    private static void refused(RequestSpecification request, String path) {
        request.when().get(path).then().statusCode(400).contentType("application/problem+json")
                .body("errors.parameter", hasItem("cursor"));
    }

    private static String keyset(String time) {
        return encode(time + "\n" + UUID.randomUUID());
    }

    private static String encode(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }
}
