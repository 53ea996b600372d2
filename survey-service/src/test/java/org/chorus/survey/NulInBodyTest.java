package org.chorus.survey;

import static io.restassured.RestAssured.given;
import static org.chorus.survey.SurveyFixtures.newOwner;
import static org.chorus.survey.SurveyFixtures.openSmallSurvey;
import static org.chorus.survey.SurveyFixtures.smallSurvey;
import static org.chorus.survey.SurveyFixtures.website;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * PostgreSQL refuses NUL in text and jsonb, so a {@code \u0000} in any string of a body once came back as a 500 from
 * the insert: it is a 400 problem naming the field and the rule.
 */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class NulInBodyTest {

    private static final String RULE = "must not contain the NUL character";

    @Test
    void aNulInAFreeTextAnswerIsA400NamingTheAnswer() {
        String survey = openSmallSurvey(newOwner());
        Map<String, Object> answers = Map.of("rank", Map.of("ranking", List.of("living", "starting", "ageing")),
                "comments", Map.of("text", "More buses\u0000, please"));
        refused(post(website(), "/api/v1/surveys/" + survey + "/responses", Map.of("answers", answers)),
                "/answers/comments/text", RULE);
    }

    @Test
    void aNulInAnAnswersQuestionIdIsA400NamingTheAnswers() {
        String survey = openSmallSurvey(newOwner());
        Map<String, Object> answers = Map.of("rank\u0000", Map.of("ranking", List.of("living", "starting", "ageing")));
        refused(post(website(), "/api/v1/surveys/" + survey + "/responses", Map.of("answers", answers)),
                "/answers", "field names " + RULE);
    }

    @Test
    void aNulInASurveyTitleIsA400NamingTheTitle() {
        Map<String, Object> survey = smallSurvey();
        survey.put("title", Map.of("en", "Our draft\u0000 priorities"));
        refused(post(newOwner().bearer(), "/api/v1/surveys", survey), "/title/en", RULE);
    }

    private static ValidatableResponse post(String bearer, String path, Map<String, Object> body) {
        return given().header("Authorization", bearer).contentType(ContentType.JSON).body(body)
                .when().post(path).then();
    }

    private static void refused(ValidatableResponse response, String pointer, String rule) {
        response.statusCode(400).contentType("application/problem+json")
                .body("errors[0].pointer", equalTo(pointer))
                .body("errors[0].detail", equalTo(rule))
                .body("detail", containsString(pointer));
    }
}
