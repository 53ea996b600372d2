package org.chorus.survey;

import static io.restassured.RestAssured.given;
import static org.chorus.survey.SurveyFixtures.etag;
import static org.chorus.survey.SurveyFixtures.newOwner;
import static org.chorus.survey.SurveyFixtures.smallSurvey;
import static org.chorus.survey.SurveyFixtures.website;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.chorus.platform.events.ChorusEvent;
import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.events.contract.ResponseData;
import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.platform.testing.EventProbe;
import org.chorus.platform.testing.StoredRows;
import org.chorus.survey.SurveyFixtures.Owner;
import org.junit.jupiter.api.RepeatedTest;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * A time the service answers with is the time a later read returns: a partner that keeps a survey's updatedAt, or a
 * website that shows a receipt's submittedAt, never sees it change by a fraction of a microsecond on the next read.
 * Repeated, since a clock reading that happens to fall on a whole microsecond would hide the difference. A new
 * survey's updatedAt is its createdAt, so that a later one means someone changed it.
 */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class StoredTimesTest {

    @Inject
    ObjectMapper objectMapper;

    @RepeatedTest(3)
    void aSurveysTimesReadBackAsTheyWereAnswered() {
        Owner owner = newOwner();
        JsonPath created = given().header("Authorization", owner.bearer()).contentType(ContentType.JSON)
                .body(smallSurvey()).when().post("/api/v1/surveys").then().statusCode(201).extract().jsonPath();
        String id = created.getString("id");
        assertEquals(created.getString("createdAt"), created.getString("updatedAt"), "a new survey is unchanged");
        assertTimesRead(owner, id, created);

        JsonPath published = given().header("Authorization", owner.bearer()).header("If-Match", etag(owner, id))
                .when().post("/api/v1/surveys/" + id + "/publish").then().statusCode(200).extract().jsonPath();
        assertTimesRead(owner, id, published);
    }

    @RepeatedTest(3)
    void aReceiptTheEventAndTheStoredResponseCarryOneInstant() {
        String surveyId = SurveyFixtures.openSmallSurvey(newOwner());
        JsonPath receipt = given().header("Authorization", website()).contentType(ContentType.JSON)
                .body(SurveyFixtures.minimal()).when().post("/api/v1/surveys/" + surveyId + "/responses")
                .then().statusCode(201).extract().jsonPath();
        String responseId = receipt.getString("responseId");
        Instant submittedAt = Instant.parse(receipt.getString("submittedAt"));

        ChorusEvent event = EventProbe.await(ChorusEventTypes.SURVEY_RESPONSES,
                e -> responseId.equals(e.aggregateId()), Duration.ofSeconds(10));
        assertEquals(submittedAt, event.dataAs(objectMapper, ResponseData.class).submittedAt(), "the event");
        assertEquals(submittedAt, storedSubmittedAt(responseId), "the stored response");
    }

    private static void assertTimesRead(Owner owner, String id, JsonPath answered) {
        JsonPath read = given().header("Authorization", owner.bearer()).when().get("/api/v1/surveys/" + id)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(Instant.parse(answered.getString("createdAt")), Instant.parse(read.getString("createdAt")));
        assertEquals(Instant.parse(answered.getString("updatedAt")), Instant.parse(read.getString("updatedAt")));
    }

    private static Instant storedSubmittedAt(String responseId) {
        return Instant.parse(StoredRows.column("SELECT to_char(submitted_at AT TIME ZONE 'UTC', "
                + "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') FROM response WHERE id = ?", UUID.fromString(responseId))
                .get(0));
    }
}
