package org.chorus.survey;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.chorus.platform.testing.TestCallers;
import org.chorus.platform.web.caller.Scopes;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Surveys for tests: a small definition with one question of every type, and callers of every kind. */
public final class SurveyFixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SurveyFixtures() {
    }

    /** A fresh organisation's survey manager: each test owns its own surveys. */
    public static Owner newOwner() {
        UUID organisation = UUID.randomUUID();
        return new Owner(organisation, TestCallers.bearer(organisation, Scopes.SURVEYS_MANAGE));
    }

    /** A partner website's publishable key. */
    public static String website() {
        return "Bearer " + TestCallers.token(UUID.randomUUID(), UUID.randomUUID(), "publishable", Set.of(Scopes.PUBLIC));
    }

    public static String analyst() {
        return TestCallers.bearer(UUID.randomUUID(), Scopes.EXPORTS_READ);
    }

    /** The small test survey as a mutable JSON tree, to be changed by tests that need another shape. */
    public static Map<String, Object> smallSurvey() {
        try (InputStream in = SurveyFixtures.class.getResourceAsStream("/surveys/small.json")) {
            return JSON.readValue(in, new TypeReference<Map<String, Object>>() {
            });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> question(Map<String, Object> survey, int section, int question) {
        var sections = (List<Map<String, Object>>) survey.get("sections");
        return ((List<Map<String, Object>>) sections.get(section).get("questions")).get(question);
    }

    public static String createDraft(Owner owner, Map<String, Object> definition) {
        return given().header("Authorization", owner.bearer()).contentType(ContentType.JSON).body(definition)
                .when().post("/api/v1/surveys")
                .then().statusCode(201).extract().path("id");
    }

    public static void publish(Owner owner, String surveyId) {
        given().header("Authorization", owner.bearer()).header("If-Match", etag(owner, surveyId))
                .when().post("/api/v1/surveys/" + surveyId + "/publish")
                .then().statusCode(200);
    }

    /** The survey's current ETag, as its owner reads it before changing it. */
    public static String etag(Owner owner, String surveyId) {
        return given().header("Authorization", owner.bearer()).when().get("/api/v1/surveys/" + surveyId)
                .then().statusCode(200).extract().header("ETag");
    }

    /** Submits a response that must be accepted; returns its id and erasure token. */
    public static String[] submit(String bearer, String surveyId, Map<String, Object> body) {
        var receipt = given().header("Authorization", bearer).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/surveys/" + surveyId + "/responses")
                .then().statusCode(201).extract();
        return new String[] { receipt.path("responseId"), receipt.path("erasureToken") };
    }

    /** A response to the small survey answering only its required questions. */
    public static Map<String, Object> minimal() {
        return Map.of("answers", requiredAnswers());
    }

    /** A response to the small survey answering its required questions and, unless text is null, its free text. */
    public static Map<String, Object> withComment(String text) {
        Map<String, Object> answers = new HashMap<>(requiredAnswers());
        if (text != null) {
            answers.put("comments", Map.of("text", text));
        }
        return Map.of("answers", answers);
    }

    private static Map<String, Object> requiredAnswers() {
        return Map.of("rank", Map.of("ranking", List.of("living", "starting", "ageing")),
                "issues", Map.of("choices", List.of("food")));
    }

    /** Creates and publishes the small survey; returns its id. */
    public static String openSmallSurvey(Owner owner) {
        String id = createDraft(owner, smallSurvey());
        publish(owner, id);
        return id;
    }

    /**
     * A survey's results, read as an analyst once every accepted response is in them: responses are counted in
     * rounds just after they commit, and the results say how many are still waiting.
     *
     * @param by the breakdown, or null for all respondents
     */
    public static ValidatableResponse countedResults(String surveyId, String by) {
        return await("every accepted response counted").atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> results(surveyId, by),
                        results -> results.extract().<Number>path("responsesNotYetCounted").longValue() == 0);
    }

    private static ValidatableResponse results(String surveyId, String by) {
        var request = given().header("Authorization", analyst());
        if (by != null) {
            request.queryParam("by", by);
        }
        return request.when().get("/api/v1/surveys/" + surveyId + "/results").then().statusCode(200);
    }

    /** An organisation and the bearer header of its survey manager's key. */
    public record Owner(UUID organisationId, String bearer) {
    }
}
