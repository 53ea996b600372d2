package org.chorus.survey.results;

import static io.restassured.RestAssured.given;
import static org.chorus.survey.SurveyFixtures.analyst;
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
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.chorus.platform.events.ChorusEvent;
import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.events.EventType;
import org.chorus.platform.events.contract.AuditEntryData;
import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.platform.testing.EventProbe;
import org.chorus.platform.testing.TestCallers;
import org.chorus.platform.web.caller.Scopes;
import org.chorus.survey.SurveyFixtures.Owner;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;

/** The results summary a survey's owner publishes for partner websites, and withdraws again. */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class PublishedResultsTest {

    private static final String RANK = "questions.find { it.questionId == 'rank' }";
    private static final String ISSUES = "questions.find { it.questionId == 'issues' }";
    private static final String SCORE = "questions.find { it.questionId == 'score' }";
    private static final String COMMENTS = "questions.find { it.questionId == 'comments' }";
    private static final String FREE_TEXT = "only-in-the-export";

    @Inject
    ObjectMapper objectMapper;

    @Test
    @SuppressWarnings("unchecked")
    void aWebsiteReadsOverallSuppressedFiguresInItsLanguageOnlyWhilePublished() {
        Owner owner = newOwner();
        Map<String, Object> definition = smallSurvey();
        var issues = (List<Map<String, Object>>) question(definition, 0, 1).get("options");
        issues.get(0).put("label", Map.of("en", "Food poverty", "cy", "Tlodi bwyd"));
        String surveyId = createDraft(owner, definition);
        publish(owner, surveyId);
        for (int i = 0; i < 5; i++) {
            submit(website(), surveyId, answers(List.of("food"), 5));
        }
        for (int i = 0; i < 2; i++) {
            submit(website(), surveyId, answers(List.of("fuel"), 3));
        }
        countedResults(surveyId, null);

        String unknown = UUID.randomUUID().toString();
        summary(website(), surveyId, Map.of()).statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("Published results of survey " + surveyId + " does not exist"));
        summary(website(), unknown, Map.of()).statusCode(404)
                .body("detail", equalTo("Published results of survey " + unknown + " does not exist"));

        String before = etag(owner, surveyId);
        String after = change(owner, surveyId, "publish", before).statusCode(200)
                .body("resultsPublished", equalTo(true)).extract().header("ETag");
        assertNotEquals(before, after);
        change(owner, surveyId, "publish", after).statusCode(200).header("ETag", equalTo(after));

        ValidatableResponse welsh = given().header("Authorization", website())
                .header("Accept-Language", "cy-GB,en;q=0.5").when().get("/api/v1/surveys/" + surveyId + "/results/summary").then().statusCode(200)
                .body("language", equalTo("cy"))
                .body("title", equalTo("Ein blaenoriaethau drafft"))
                .body("status", equalTo("OPEN"))
                .body("publishedAt", notNullValue())
                .body("responsesNotYetCounted", equalTo(0))
                .body("responses.count", equalTo(7))
                .body(RANK + ".text", equalTo("Rhowch y blaenoriaethau yn eu trefn"))
                .body(RANK + ".items.find { it.itemId == 'living' }.firstPreferences.count", equalTo(7))
                .body(ISSUES + ".text", equalTo("Which issues matter most?"))
                .body(ISSUES + ".options.find { it.optionId == 'food' }.label", equalTo("Tlodi bwyd"))
                .body(ISSUES + ".options.find { it.optionId == 'fuel' }.count.suppressed", equalTo(true))
                // 5 chose food, but showing it beside the 7 who answered would give away the 2 who chose fuel
                .body(ISSUES + ".options.find { it.optionId == 'food' }.count.suppressed", equalTo(true))
                .body(ISSUES + ".options.find { it.optionId == 'digital' }.count.count", equalTo(0))
                .body(SCORE + ".meanRating", nullValue())
                .body(COMMENTS + ".answered.count", equalTo(7))
                .body("questions.type", not(hasItem("DEMOGRAPHIC")))
                .body(not(containsString(FREE_TEXT)));
        assertEquals(Set.of("questionId", "type", "text", "answered"),
                welsh.extract().jsonPath().getMap(COMMENTS).keySet(), "free text only as an answered count");

        // The same cells and suppression as the analysts' overall results, demographic questions left out.
        List<Object> published = summary(website(), surveyId, Map.of("lang", "en")).statusCode(200)
                .extract().jsonPath().getList("questions");
        List<Object> analysed = countedResults(surveyId, null).extract().jsonPath()
                .getList("groups[0].questions.findAll { it.type != 'DEMOGRAPHIC' }");
        assertEquals(analysed, published);

        summary(website(), surveyId, Map.of("by", "place")).statusCode(400)
                .body("errors[0].parameter", equalTo("by"));
        summary(TestCallers.bearer(UUID.randomUUID(), Scopes.INSIGHTS_WRITE), surveyId, Map.of()).statusCode(200);
        given().header("Authorization", website()).when().get("/api/v1/surveys/" + surveyId)
                .then().statusCode(200).body("resultsPublished", equalTo(true));

        change(owner, surveyId, "withdraw", etag(owner, surveyId)).statusCode(200)
                .body("resultsPublished", equalTo(false));
        summary(website(), surveyId, Map.of()).statusCode(404);
        summary(analyst(), surveyId, Map.of()).statusCode(404);

        for (String action : List.of("survey-results.published", "survey-results.withdrawn")) {
            AuditEntryData entry = auditEntry(action, surveyId);
            assertEquals(owner.organisationId(), entry.organisationId());
            assertEquals(Map.of("version", "1"), entry.details());
        }
        announced(ChorusEventTypes.SURVEY_RESULTS_PUBLISHED, surveyId);
        announced(ChorusEventTypes.SURVEY_RESULTS_WITHDRAWN, surveyId);
    }

    @Test
    void aWebsitesCopyOfTheSummaryIsConfirmedUntilItsFiguresMoveAndNotAfterItIsWithdrawn() {
        Owner owner = newOwner();
        String surveyId = openSmallSurvey(owner);
        for (int i = 0; i < 5; i++) {
            submit(website(), surveyId, answers(List.of("food"), 4));
        }
        countedResults(surveyId, null);
        change(owner, surveyId, "publish", etag(owner, surveyId)).statusCode(200);
        String website = website();

        String kept = summary(website, surveyId, Map.of()).statusCode(200)
                .header("Cache-Control", "private, no-cache").body("responses.count", equalTo(5))
                .extract().header("ETag");
        given().header("Authorization", website).header("If-None-Match", kept)
                .when().get("/api/v1/surveys/" + surveyId + "/results/summary")
                .then().statusCode(304).header("ETag", kept);

        // The figures move in steps of five responses (SummaryStepsTest): the copy stays good until then.
        for (int i = 0; i < 5; i++) {
            submit(website(), surveyId, answers(List.of("food"), 4));
        }
        countedResults(surveyId, null);
        String counted = given().header("Authorization", website).header("If-None-Match", kept)
                .when().get("/api/v1/surveys/" + surveyId + "/results/summary")
                .then().statusCode(200).body("responses.count", equalTo(10)).extract().header("ETag");

        change(owner, surveyId, "withdraw", etag(owner, surveyId)).statusCode(200);
        given().header("Authorization", website).header("If-None-Match", counted)
                .when().get("/api/v1/surveys/" + surveyId + "/results/summary").then().statusCode(404);
    }

    @Test
    void onlyTheOwnerPublishesAndOnlyAPublishedSurveysResults() {
        Owner owner = newOwner();
        String draft = createDraft(owner, smallSurvey());
        change(owner, draft, "publish", etag(owner, draft)).statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://chorus.example/problems/not-published"))
                .body("detail", containsString("only the results of a published survey (open or closed)"));

        String surveyId = openSmallSurvey(owner);
        change(newOwner(), surveyId, "publish", etag(owner, surveyId)).statusCode(403)
                .body("type", equalTo("https://chorus.example/problems/not-owner"));
        change(newOwner(), surveyId, "withdraw", etag(owner, surveyId)).statusCode(403);
        change(owner, surveyId, "publish", null).statusCode(428);
        change(owner, surveyId, "publish", "\"999\"").statusCode(412);
        summary(website(), surveyId, Map.of()).statusCode(404);

        // A closed survey's results can be published: they are final.
        given().header("Authorization", owner.bearer()).header("If-Match", etag(owner, surveyId))
                .when().post("/api/v1/surveys/" + surveyId + "/close").then().statusCode(200);
        change(owner, surveyId, "publish", etag(owner, surveyId)).statusCode(200);
        summary(website(), surveyId, Map.of()).statusCode(200)
                .body("status", equalTo("CLOSED"))
                .body("responses.count", equalTo(0));
    }

    private static ValidatableResponse summary(String bearer, String surveyId, Map<String, String> params) {
        return given().header("Authorization", bearer).queryParams(params)
                .when().get("/api/v1/surveys/" + surveyId + "/results/summary").then();
    }

    /** Publishes or withdraws the summary as this organisation's manager, with this If-Match (none when null). */
    private static ValidatableResponse change(Owner as, String surveyId, String what, String ifMatch) {
        var request = given().header("Authorization", as.bearer());
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.when().post("/api/v1/surveys/" + surveyId + "/results/" + what).then();
    }

    private AuditEntryData auditEntry(String action, String surveyId) {
        ChorusEvent event = EventProbe.await(ChorusEventTypes.AUDIT_ENTRIES, e -> {
            String data = new String(e.data());
            return data.contains("\"" + action + "\"") && data.contains(surveyId);
        }, Duration.ofSeconds(10));
        return event.dataAs(objectMapper, AuditEntryData.class);
    }

    private static void announced(EventType type, String surveyId) {
        EventProbe.await(ChorusEventTypes.SURVEY_SURVEYS,
                e -> e.aggregateId().equals(surveyId) && e.type().equals(type.type()), Duration.ofSeconds(10));
    }

    private static Map<String, Object> answers(List<String> issues, int score) {
        return Map.of("answers", Map.of("rank", Map.of("ranking", List.of("living", "starting", "ageing")),
                "issues", Map.of("choices", issues), "score", Map.of("rating", score),
                "comments", Map.of("text", FREE_TEXT), "place", Map.of("choice", "blackpool")));
    }
}
