package org.chorus.survey.coding;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.survey.results.Breakdown;
import org.chorus.platform.testing.TestCallers;
import org.chorus.platform.web.caller.Scopes;
import org.chorus.survey.SurveyFixtures;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Coded results break down as the survey's results do (here by a demographic question), with the same suppression:
 * a count of 1 to 4 is hidden, and so is the smallest other count of its breakdown, which would give it away by
 * subtraction from the overall figure. Respondents who left the question unanswered are a group of their own,
 * NOT_GIVEN, so that the overall figure less the groups' does not say how they were coded; an erased response is
 * counted nowhere.
 */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class CodedResultsBreakdownTest {

    private static final String RESULTS = "/api/v1/surveys/{surveyId}/coding/results";

    private final UUID organisation = UUID.randomUUID();
    private final String coder = TestCallers.bearer(organisation, Scopes.CODING_WRITE, Scopes.CODING_MANAGE);

    @Test
    void codedCountsBreakDownByADemographicQuestionWithSmallCellsSuppressed() {
        String frameId = given().header("Authorization", coder).contentType(ContentType.JSON).body(Map.of(
                "name", "Access and staff", "categories", List.of(Map.of("code", "access", "label", "Access"),
                        Map.of("code", "staff", "label", "Staff"))))
                .when().post("/api/v1/coding-frames").then().statusCode(201).extract().path("id");
        String surveyId = SurveyFixtures.openSmallSurvey(SurveyFixtures.newOwner());
        Map<String, Integer> byAge = new LinkedHashMap<>();
        byAge.put("25-64", 7);
        byAge.put("65-plus", 2);
        byAge.put("under-25", 6);
        List<String[]> coded = new ArrayList<>();
        byAge.forEach((age, n) -> {
            for (int i = 0; i < n; i++) {
                coded.add(submitAndCode(surveyId, frameId, age, "access"));
            }
        });
        submitAndCode(surveyId, frameId, null, "staff");

        ValidatableResponse broken = results(surveyId, frameId, "age").body("breakdown", equalTo("age"))
                .body("suppressionThreshold", equalTo(5))
                .body("groups.value", contains("25-64", "65-plus", "under-25", Breakdown.NOT_GIVEN));
        Map<String, Object> access = new HashMap<>();
        Map<String, Object> staff = new HashMap<>();
        Map<String, Object> codedTotals = new HashMap<>();
        broken.extract().<List<Map<String, Object>>>path("groups").forEach(group -> {
            Map<String, Object> question = question(group);
            codedTotals.put((String) group.get("value"), question.get("coded"));
            access.put((String) group.get("value"), category(question, "access"));
            staff.put((String) group.get("value"), category(question, "staff"));
        });
        Map<String, Object> expected = Map.of("25-64", Map.of("count", 7), "65-plus", Map.of("suppressed", true),
                "under-25", Map.of("suppressed", true), Breakdown.NOT_GIVEN, Map.of("count", 0));
        assertEquals(expected, access, "2 is hidden, and 6, the smallest other, since the overall 15 is known");
        assertEquals(Map.of("suppressed", true), codedTotals.get(Breakdown.NOT_GIVEN), "the one who gave no age");
        assertEquals(Map.of("suppressed", true), staff.get(Breakdown.NOT_GIVEN), "the one answer coded staff gave no age");
        assertEquals(2, staff.values().stream().filter(Map.of("suppressed", true)::equals).count(),
                "with the overall 1 known, a lone hidden staff count would be that 1: another is hidden beside it");

        ValidatableResponse all = results(surveyId, frameId, null).body("breakdown", equalTo("all"))
                .body("groups.value", contains(nullValue()));
        assertEquals(Map.of("count", 15), category(question(all.extract().path("groups[0]")), "access"));
        assertEquals(Map.of("count", 16), question(all.extract().path("groups[0]")).get("coded"));

        String[] erased = coded.get(0);
        given().header("Authorization", SurveyFixtures.website()).header("Erasure-Token", erased[1])
                .when().delete("/api/v1/responses/{id}", erased[0]).then().statusCode(204);
        all = results(surveyId, frameId, "all");
        assertEquals(Map.of("count", 14), category(question(all.extract().path("groups[0]")), "access"),
                "the erased response's answer is counted no more");

        given().header("Authorization", coder).queryParam("frameId", frameId).queryParam("by", "comments")
                .when().get(RESULTS, surveyId).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].parameter", equalTo("by"));
    }

    private ValidatableResponse results(String surveyId, String frameId, String by) {
        var request = given().header("Authorization", coder).queryParam("frameId", frameId);
        if (by != null) {
            request.queryParam("by", by);
        }
        return request.when().get(RESULTS, surveyId).then().statusCode(200);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> question(Map<String, Object> group) {
        return ((List<Map<String, Object>>) group.get("questions")).get(0);
    }

    @SuppressWarnings("unchecked")
    private static Object category(Map<String, Object> question, String code) {
        return ((List<Map<String, Object>>) question.get("categories")).stream()
                .filter(c -> code.equals(c.get("code"))).findFirst().orElseThrow().get("answers");
    }

    /** @return {responseId, erasureToken} of a response that answered comments, coded with one category */
    private String[] submitAndCode(String surveyId, String frameId, String age, String category) {
        Map<String, Object> answers = new HashMap<>(Map.of("rank", Map.of("ranking", List.of("living", "starting",
                "ageing")), "issues", Map.of("choices", List.of("food")), "comments", Map.of("text", "Said " + age)));
        if (age != null) {
            answers.put("age", Map.of("choice", age));
        }
        String[] response = SurveyFixtures.submit(SurveyFixtures.website(), surveyId, Map.of("answers", answers));
        given().header("Authorization", coder).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(Map.of("frameId", frameId, "categories", List.of(category))).queryParam("questionId", "comments")
                .when().put("/api/v1/responses/{responseId}/coding", response[0]).then().statusCode(200);
        return response;
    }
}
