package org.chorus.survey.results;

import static io.restassured.RestAssured.given;
import static org.chorus.survey.SurveyFixtures.analyst;
import static org.chorus.survey.SurveyFixtures.countedResults;
import static org.chorus.survey.SurveyFixtures.newOwner;
import static org.chorus.survey.SurveyFixtures.openSmallSurvey;
import static org.chorus.survey.SurveyFixtures.submit;
import static org.chorus.survey.SurveyFixtures.website;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.survey.SurveyFixtures.Owner;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class ResultsResourceTest {

    private static final String RANK = "groups[0].questions.find { it.questionId == 'rank' }";
    private static final String ISSUES = "groups[0].questions.find { it.questionId == 'issues' }";
    private static final String SCORE = "groups[0].questions.find { it.questionId == 'score' }";

    @Test
    void rankingChoiceAndRatingAggregatesMatchAKnownSetAndErasureTakesAResponseOut() {
        String surveyId = openSmallSurvey(newOwner());
        List<String[]> receipts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            receipts.add(submit(website(), surveyId, answers(List.of("living", "starting", "ageing"), List.of("food"), 5)));
            submit(website(), surveyId, answers(List.of("starting", "living", "ageing"), List.of("food", "fuel"), 3));
        }

        results(surveyId, null)
                .body("groups[0].responses.count", equalTo(10))
                .body(RANK + ".answered.count", equalTo(10))
                .body(RANK + ".items.find { it.itemId == 'living' }.firstPreferences.count", equalTo(5))
                .body(RANK + ".items.find { it.itemId == 'living' }.meanRank", equalTo(1.5f))
                .body(RANK + ".items.find { it.itemId == 'living' }.bordaScore", equalTo(25))
                .body(RANK + ".items.find { it.itemId == 'living' }.rankDistribution.count", equalTo(List.of(5, 5, 0)))
                .body(RANK + ".items.find { it.itemId == 'ageing' }.meanRank", equalTo(3.0f))
                .body(RANK + ".items.find { it.itemId == 'ageing' }.bordaScore", equalTo(10))
                .body(ISSUES + ".options.find { it.optionId == 'food' }.count.count", equalTo(10))
                .body(ISSUES + ".options.find { it.optionId == 'fuel' }.share", equalTo(0.5f))
                .body(ISSUES + ".options.find { it.optionId == 'digital' }.count.count", equalTo(0))
                .body(SCORE + ".ratings.find { it.value == 5 }.count.count", equalTo(5))
                .body(SCORE + ".meanRating", equalTo(4.0f));

        String[] first = receipts.get(0);
        given().header("Authorization", website()).header("Erasure-Token", first[1])
                .when().delete("/api/v1/responses/" + first[0]).then().statusCode(204);

        results(surveyId, null)
                .body("groups[0].responses.count", equalTo(9))
                .body(ISSUES + ".options.find { it.optionId == 'food' }.count.count", equalTo(9))
                .body(RANK + ".items.find { it.itemId == 'living' }.firstPreferences.suppressed", equalTo(true))
                .body(RANK + ".items.find { it.itemId == 'living' }.meanRank", nullValue())
                .body(RANK + ".items.find { it.itemId == 'ageing' }.rankDistribution.count", equalTo(List.of(0, 0, 9)));
    }

    @Test
    void aSmallGroupIsSuppressedAndSoIsTheCountThatWouldRevealIt() {
        Owner owner = newOwner();
        String surveyId = openSmallSurvey(owner);
        for (int i = 0; i < 7; i++) {
            submit(website(), surveyId, answers(List.of("living", "starting", "ageing"), List.of("food"), 5));
        }
        for (int i = 0; i < 2; i++) {
            Map<String, Object> phone = new HashMap<>(answers(List.of("ageing", "living", "starting"), List.of("digital"), 1));
            phone.put("channel", "PHONE");
            phone.put("enteredBy", "JB");
            submit(owner.bearer(), surveyId, phone);
        }

        results(surveyId, null).body("groups[0].responses.count", equalTo(9));
        results(surveyId, "channel")
                .body("groups.value", equalTo(List.of("ONLINE", "PHONE")))
                .body("groups[1].responses.suppressed", equalTo(true))
                .body("groups[0].responses.suppressed", equalTo(true))
                .body("groups[1].responses.count", nullValue());
    }

    @Test
    void analystsReadLabelsInTheLanguageTheyAskFor() {
        String surveyId = openSmallSurvey(newOwner());
        given().header("Authorization", analyst()).queryParam("lang", "cy")
                .when().get("/api/v1/surveys/" + surveyId + "/results")
                .then().statusCode(200)
                .body(RANK + ".text", equalTo("Rhowch y blaenoriaethau yn eu trefn"))
                .body(ISSUES + ".text", equalTo("Which issues matter most?"));
        given().header("Authorization", analyst()).header("Accept-Language", "cy-GB, en;q=0.5")
                .when().get("/api/v1/surveys/" + surveyId + "/results")
                .then().statusCode(200).body(RANK + ".text", equalTo("Rhowch y blaenoriaethau yn eu trefn"));
    }

    @Test
    void anUnknownBreakdownIsABadRequest() {
        String surveyId = openSmallSurvey(newOwner());
        given().header("Authorization", analyst()).queryParam("by", "rank")
                .when().get("/api/v1/surveys/" + surveyId + "/results")
                .then().statusCode(400).body("errors[0].parameter", equalTo("by"))
                .body("errors[0].detail", equalTo("must be all, channel, place or the id of a demographic question "
                        + "(this survey's: place, age, ethnicity)"));
        given().header("Authorization", website()).when().get("/api/v1/surveys/" + surveyId + "/results")
                .then().statusCode(403);
    }

    private static ValidatableResponse results(String surveyId, String by) {
        return countedResults(surveyId, by);
    }

    private static Map<String, Object> answers(List<String> ranking, List<String> issues, int score) {
        return Map.of("answers", Map.of("rank", Map.of("ranking", ranking), "issues", Map.of("choices", issues),
                "score", Map.of("rating", score)));
    }
}
