package org.chorus.survey.results;

import static io.restassured.RestAssured.given;
import static org.chorus.survey.SurveyFixtures.analyst;
import static org.chorus.survey.SurveyFixtures.newOwner;
import static org.chorus.survey.SurveyFixtures.openSmallSurvey;
import static org.chorus.survey.SurveyFixtures.website;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * With counting switched off, responses stay in the backlog: results say so instead of pretending, and an erasure
 * of a response never counted takes it out of the backlog without moving any counter below what was counted.
 */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
@TestProfile(ResponsesWaitingToBeCountedTest.CountingOff.class)
class ResponsesWaitingToBeCountedTest {

    @Test
    void resultsReportWaitingResponsesAndAnErasureBeforeCountingLeavesTheCountersAlone() {
        String surveyId = openSmallSurvey(newOwner());
        Map<String, Object> body = Map.of("answers", Map.of("rank", Map.of("ranking", List.of("living", "starting",
                "ageing")), "issues", Map.of("choices", List.of("food")), "score", Map.of("rating", 4)));
        var receipt = given().header("Authorization", website()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/surveys/" + surveyId + "/responses")
                .then().statusCode(201).extract();
        given().header("Authorization", website()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/surveys/" + surveyId + "/responses").then().statusCode(201);

        results(surveyId).body("responsesNotYetCounted", equalTo(2)).body("groups[0].responses.count", equalTo(0));

        given().header("Authorization", website()).header("Erasure-Token", receipt.<String>path("erasureToken"))
                .when().delete("/api/v1/responses/" + receipt.<String>path("responseId")).then().statusCode(204);

        results(surveyId).body("responsesNotYetCounted", equalTo(1))
                .body("groups[0].responses.count", equalTo(0))
                .body("groups[0].questions.find { it.questionId == 'issues' }.options.count.count",
                        equalTo(List.of(0, 0, 0)));
    }

    private static ValidatableResponse results(String surveyId) {
        return given().header("Authorization", analyst()).when().get("/api/v1/surveys/" + surveyId + "/results")
                .then().statusCode(200);
    }

    /** A replica that leaves counting to others. */
    public static class CountingOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("chorus.survey.tallies.counting", "false");
        }
    }
}
