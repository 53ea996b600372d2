package org.chorus.survey.export;

import static io.restassured.RestAssured.given;
import static org.chorus.survey.SurveyFixtures.analyst;
import static org.chorus.survey.SurveyFixtures.minimal;
import static org.chorus.survey.SurveyFixtures.newOwner;
import static org.chorus.survey.SurveyFixtures.openSmallSurvey;
import static org.chorus.survey.SurveyFixtures.submit;
import static org.chorus.survey.SurveyFixtures.website;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.platform.testing.EventProbe;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The change feed as an analyst's sync calls it: every read is audited, and a HEAD, which reads nothing, is not. */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class ChangeFeedResourceTest {

    private static final String FEED = "/api/v1/surveys/{surveyId}/responses/changes";

    @Test
    void aHeadAnswersTheNextCursorAndIsNotAuditedAsARead() {
        String surveyId = openSmallSurvey(newOwner());
        submit(website(), surveyId, minimal());
        String analyst = analyst();

        for (int i = 0; i < 2; i++) {
            given().header("Authorization", analyst).when().head(FEED, surveyId).then().statusCode(200)
                    .header(ExportResource.NEXT_CURSOR, not(emptyOrNullString()));
        }
        given().header("Authorization", analyst).when().get(FEED, surveyId).then().statusCode(200)
                .body("items.size()", equalTo(1));

        // the GET's entry is recorded after both HEADs, so once it is there theirs would be too
        EventProbe.awaitAll(ChorusEventTypes.AUDIT_ENTRIES, e -> isChangesListed(e.data(), surveyId), 1,
                Duration.ofSeconds(10));
        assertEquals(1, EventProbe.all(ChorusEventTypes.AUDIT_ENTRIES, e -> isChangesListed(e.data(), surveyId))
                .size(), "only the GET read the feed");
    }

    private static boolean isChangesListed(byte[] entry, String surveyId) {
        String text = new String(entry);
        return text.contains("\"responses.changes-listed\"") && text.contains(surveyId);
    }
}
