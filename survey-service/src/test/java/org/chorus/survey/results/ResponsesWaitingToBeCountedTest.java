package org.chorus.survey.results;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.chorus.survey.SurveyFixtures.analyst;
import static org.chorus.survey.SurveyFixtures.minimal;
import static org.chorus.survey.SurveyFixtures.newOwner;
import static org.chorus.survey.SurveyFixtures.openSmallSurvey;
import static org.chorus.survey.SurveyFixtures.submit;
import static org.chorus.survey.SurveyFixtures.website;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.platform.testing.ManagementPort;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * With counting switched off, responses stay in the backlog: results say so instead of pretending, an erasure of a
 * response never counted takes it out of the backlog without moving any counter below what was counted, and
 * operators see on the metrics how many wait and for how long.
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

    @Test
    void operatorsSeeHowManyResponsesWaitAndHowLongTheOldestHasWaited() {
        String surveyId = openSmallSurvey(newOwner());
        double waitingBefore = ManagementPort.metric("chorus_tally_backlog");

        submit(website(), surveyId, minimal());
        Instant olderStored = Instant.now();
        // nothing counts here, so the waiting responses only age
        await().atMost(Duration.ofSeconds(10)).until(() -> oldestWaitingSeconds() >= 2);
        submit(website(), surveyId, minimal());

        assertEquals(waitingBefore + 2, ManagementPort.metric("chorus_tally_backlog"), "both responses wait");
        // the gauge's query runs between these two moments, so each bound holds whatever the reading itself takes
        Instant beforeReading = Instant.now();
        double oldest = oldestWaitingSeconds();
        Instant afterReading = Instant.now();
        assertTrue(oldest >= secondsBetween(olderStored, beforeReading),
                "the oldest waiting is at least as old as the older response, not the younger: " + oldest);
        Instant testStart = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        assertTrue(oldest <= secondsBetween(testStart, afterReading),
                "in seconds, and no older than the responses of this test run: " + oldest);
    }

    private static double oldestWaitingSeconds() {
        return ManagementPort.metric("chorus_tally_oldest_waiting_seconds");
    }

    private static double secondsBetween(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
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
