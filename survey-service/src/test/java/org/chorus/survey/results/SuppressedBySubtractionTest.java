package org.chorus.survey.results;

import static io.restassured.RestAssured.given;
import static org.chorus.survey.SurveyFixtures.countedResults;
import static org.chorus.survey.SurveyFixtures.createDraft;
import static org.chorus.survey.SurveyFixtures.etag;
import static org.chorus.survey.SurveyFixtures.newOwner;
import static org.chorus.survey.SurveyFixtures.openSmallSurvey;
import static org.chorus.survey.SurveyFixtures.publish;
import static org.chorus.survey.SurveyFixtures.question;
import static org.chorus.survey.SurveyFixtures.smallSurvey;
import static org.chorus.survey.SurveyFixtures.submit;
import static org.chorus.survey.SurveyFixtures.website;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.survey.SurveyFixtures.Owner;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * A suppressed count cannot be worked out from the figures shown beside it: not from a question's answered count
 * and its options, which add up to it, and not from the overall figures and a breakdown that leaves out the
 * respondents who gave no answer to what it breaks down by.
 */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class SuppressedBySubtractionTest {

    /**
     * By channel, PHONE's 3 are hidden, so PAPER's answered count (6) is hidden to protect it across the channels.
     * Shown, PAPER's 6 "yes" and 0 "no" would give that 6 back, and with it PHONE's 3.
     */
    @Test
    void anAnsweredCountHiddenToProtectAnotherGroupIsNotGivenBackByItsOptions() {
        Owner owner = newOwner();
        String surveyId = openSmallSurvey(owner);
        answerAgree(owner, surveyId, "ONLINE", 10, 10);
        answerAgree(owner, surveyId, "PHONE", 3, 0);
        answerAgree(owner, surveyId, "PAPER", 6, 0);
        answerAgree(owner, surveyId, "EVENT", 5, 5);

        JsonPath results = countedResults(surveyId, "channel").extract().jsonPath();

        String paper = "groups.find { it.value == 'PAPER' }.questions.find { it.questionId == 'agree' }";
        assertEquals(Boolean.TRUE, results.get(paper + ".answered.suppressed"), "hidden to protect PHONE's 3");
        for (String channel : List.of("ONLINE", "PHONE", "PAPER", "EVENT")) {
            String agree = "groups.find { it.value == '" + channel + "' }.questions.find { it.questionId == 'agree' }";
            List<Boolean> hidden = List.of(hidden(results, agree + ".answered"),
                    hidden(results, agree + ".options.find { it.optionId == 'yes' }.count"),
                    hidden(results, agree + ".options.find { it.optionId == 'no' }.count"));
            assertNotEquals(1, hidden.stream().filter(h -> h).count(),
                    channel + ": answered, yes and no add up; one hidden alone is the others' difference " + hidden);
        }
    }

    /**
     * Five in Blackpool agree, five in Lancashire do not, and two who gave no place agree: by place, those two are a
     * group of their own, hidden, and protected, so that the overall 7 less Blackpool's 5 does not say how they
     * answered.
     */
    @Test
    void respondentsWhoGaveNoPlaceAreAGroupOfTheirOwnAndProtectedLikeAnyOther() {
        Owner owner = newOwner();
        String surveyId = openSmallSurvey(owner);
        for (int i = 0; i < 5; i++) {
            submit(website(), surveyId, response("ONLINE", "yes", "blackpool"));
            submit(website(), surveyId, response("ONLINE", "no", "lancashire"));
        }
        for (int i = 0; i < 2; i++) {
            submit(website(), surveyId, response("ONLINE", "yes", null));
        }

        JsonPath overall = countedResults(surveyId, null).extract().jsonPath();
        assertEquals(12, overall.getInt("groups[0].responses.count"));
        JsonPath byPlace = countedResults(surveyId, "place").extract().jsonPath();

        assertEquals(List.of("blackpool", "lancashire", Breakdown.NOT_GIVEN), byPlace.getList("groups.value"));
        assertTrue(hidden(byPlace, "groups[2].responses"), "two people");
        long hiddenYes = byPlace.getList("groups.questions.flatten().findAll { it.questionId == 'agree' }"
                + ".collect { it.options.find { o -> o.optionId == 'yes' }.count.suppressed == true }")
                .stream().filter(Boolean.TRUE::equals).count();
        assertTrue(hiddenYes >= 2, "the groups' yes counts add up to the overall 7: the two who gave no place are not "
                + "the one hidden among them");
        byPlace.getList("groups.responses.count").forEach(count -> assertNotEquals(2, count));
    }

    /**
     * Two people chose an option the next version dropped: the answered count (22) less the options shown (10 and 10)
     * would be those two, so one more count is hidden with them.
     */
    @Test
    void answersToAnOptionALaterVersionDroppedAreNotTheAnsweredCountLessTheOptionsShown() {
        Owner owner = newOwner();
        Map<String, Object> first = smallSurvey();
        question(first, 0, 2).put("options", List.of(option("yes"), option("no"), option("unsure")));
        String surveyId = createDraft(owner, first);
        publish(owner, surveyId);
        for (int i = 0; i < 2; i++) {
            submit(website(), surveyId, response("ONLINE", "unsure", null));
        }
        Map<String, Object> second = smallSurvey();
        given().header("Authorization", owner.bearer()).header("If-Match", etag(owner, surveyId))
                .contentType(ContentType.JSON).body(second).when().put("/api/v1/surveys/" + surveyId)
                .then().statusCode(200);
        publish(owner, surveyId);
        answerAgree(owner, surveyId, "ONLINE", 10, 10);

        JsonPath results = countedResults(surveyId, null).extract().jsonPath();
        String agree = "groups[0].questions.find { it.questionId == 'agree' }";
        List<Boolean> hidden = List.of(hidden(results, agree + ".answered"),
                hidden(results, agree + ".options.find { it.optionId == 'yes' }.count"),
                hidden(results, agree + ".options.find { it.optionId == 'no' }.count"));
        assertTrue(hidden.contains(true), "answered, yes and no all shown would give the 2 who chose unsure "
                + hidden);
    }

    private static Map<String, Object> option(String id) {
        return Map.of("id", id, "label", Map.of("en", id));
    }

    private static void answerAgree(Owner owner, String surveyId, String channel, int yes, int no) {
        for (int i = 0; i < yes + no; i++) {
            submit(channel.equals("ONLINE") ? website() : owner.bearer(), surveyId,
                    response(channel, i < yes ? "yes" : "no", null));
        }
    }

    private static Map<String, Object> response(String channel, String agree, String place) {
        Map<String, Object> answers = new HashMap<>(Map.of(
                "rank", Map.of("ranking", List.of("living", "starting", "ageing")),
                "issues", Map.of("choices", List.of("food")),
                "agree", Map.of("choice", agree)));
        if (place != null) {
            answers.put("place", Map.of("choice", place));
        }
        // a website's response is ONLINE; staff say how a response they enter was given
        return channel.equals("ONLINE") ? Map.of("answers", answers)
                : Map.of("channel", channel, "enteredBy", "JB", "answers", answers);
    }

    private static boolean hidden(JsonPath results, String cell) {
        return Boolean.TRUE.equals(results.get(cell + ".suppressed"));
    }
}
