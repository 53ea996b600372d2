package org.chorus.survey.results;

import static io.restassured.RestAssured.given;
import static org.chorus.survey.SurveyFixtures.countedResults;
import static org.chorus.survey.SurveyFixtures.etag;
import static org.chorus.survey.SurveyFixtures.newOwner;
import static org.chorus.survey.SurveyFixtures.openSmallSurvey;
import static org.chorus.survey.SurveyFixtures.submit;
import static org.chorus.survey.SurveyFixtures.website;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.platform.testing.HeldTransaction;
import org.chorus.survey.SurveyFixtures.Owner;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * Anyone can read a published summary just before and just after one person answers (or erases an answer): if its
 * figures moved with each response, the two readings would show, cell by cell, what that person said, however small
 * counts are suppressed. So they move in steps of at least as many responses as the smallest count shown.
 */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class SummaryStepsTest {

    private static final String FUEL =
            "questions.find { it.questionId == 'issues' }.options.find { it.optionId == 'fuel' }.count";

    private final ResultsService results;

    @Inject
    SummaryStepsTest(ResultsService results) {
        this.results = results;
    }

    @Test
    void oneMoreAnswerDoesNotMoveThePublishedFiguresAndFiveMoreDo() {
        Owner owner = newOwner();
        String surveyId = openSmallSurvey(owner);
        answer(surveyId, "food", 5);
        countedResults(surveyId, null);
        publishSummary(owner, surveyId);
        JsonPath first = summary(surveyId);
        assertEquals(5, first.getInt("responses.count"));
        assertEquals(0, first.getInt("responsesNotYetCounted"));

        answer(surveyId, "fuel", 1);
        countedResults(surveyId, null).body("groups[0].responses.count", equalTo(6));
        JsonPath afterOne = summary(surveyId);
        assertEquals(5, afterOne.getInt("responses.count"), "one person's answer is not a step");
        assertEquals(Map.of("count", 0), afterOne.getMap(FUEL),
                "before and after, nobody chose fuel: the reading does not give that person away");
        assertEquals(first.getString("figuresTakenAt"), afterOne.getString("figuresTakenAt"));
        assertEquals(0, afterOne.getInt("responsesNotYetCounted"), "counted, held back, and not said: beside "
                + "figures of none, how many are held back would be a total of 1 to 4");

        answer(surveyId, "food", 4);
        countedResults(surveyId, null);
        JsonPath afterFive = summary(surveyId);
        assertEquals(10, afterFive.getInt("responses.count"));
        assertEquals(0, afterFive.getInt("responsesNotYetCounted"));
        assertEquals(true, afterFive.getBoolean(FUEL + ".suppressed"), "the one who chose fuel is now among ten");
        assertNotEquals(first.getString("figuresTakenAt"), afterFive.getString("figuresTakenAt"));
    }

    @Test
    void anErasureMovesThemOnlyWithFourMore() {
        Owner owner = newOwner();
        String surveyId = openSmallSurvey(owner);
        List<String[]> receipts = answer(surveyId, "food", 6);
        countedResults(surveyId, null);
        publishSummary(owner, surveyId);
        assertEquals(6, summary(surveyId).getInt("responses.count"));

        erase(receipts.get(0));
        countedResults(surveyId, null).body("groups[0].responses.count", equalTo(5));
        assertEquals(6, summary(surveyId).getInt("responses.count"), "one erasure is not a step either");

        receipts.subList(1, 5).forEach(SummaryStepsTest::erase);
        countedResults(surveyId, null).body("groups[0].responses.suppressed", equalTo(true));
        JsonPath afterFive = summary(surveyId);
        assertEquals(true, afterFive.getBoolean("responses.suppressed"), "one response left, shown as suppressed");
        assertEquals(0, afterFive.getInt("responsesNotYetCounted"));
    }

    /**
     * Two readers that both find the figures a step behind take them once between them: the second, meeting the
     * first's figures uncommitted, shows them once they are, rather than figures of its own a moment apart.
     */
    @Test
    void readersMeetingAStepAtOnceTakeTheFiguresOnce() throws Exception {
        Owner owner = newOwner();
        String surveyId = openSmallSurvey(owner);
        publishSummary(owner, surveyId);
        assertEquals(0, summary(surveyId).getInt("responses.count"));
        answer(surveyId, "food", 5);
        countedResults(surveyId, null);

        try (HeldTransaction<ResultsSummary> first = HeldTransaction.open(
                () -> results.summary(UUID.fromString(surveyId), null, "en").summary())) {
            JsonPath second = first.sendWhileHeld(() -> summary(surveyId), "INSERT INTO summary_figures");
            ResultsSummary taken = first.commit();
            assertEquals(5, taken.responses().count());
            assertEquals(5, second.getInt("responses.count"));
            assertEquals(taken.figuresTakenAt(), Instant.parse(second.getString("figuresTakenAt")),
                    "the second reader shows the figures the first took");
        }
        assertEquals(5, summary(surveyId).getInt("responses.count"));
    }

    private static List<String[]> answer(String surveyId, String issue, int times) {
        List<String[]> receipts = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            receipts.add(submit(website(), surveyId, Map.of("answers", Map.of(
                    "rank", Map.of("ranking", List.of("living", "starting", "ageing")),
                    "issues", Map.of("choices", List.of(issue))))));
        }
        return receipts;
    }

    private static void erase(String[] receipt) {
        given().header("Authorization", website()).header("Erasure-Token", receipt[1])
                .when().delete("/api/v1/responses/" + receipt[0]).then().statusCode(204);
    }

    private static void publishSummary(Owner owner, String surveyId) {
        given().header("Authorization", owner.bearer()).header("If-Match", etag(owner, surveyId))
                .when().post("/api/v1/surveys/" + surveyId + "/results/publish").then().statusCode(200);
    }

    private static JsonPath summary(String surveyId) {
        return given().header("Authorization", website())
                .when().get("/api/v1/surveys/" + surveyId + "/results/summary")
                .then().statusCode(200).extract().jsonPath();
    }
}
