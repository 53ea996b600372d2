package org.chorus.survey.coding;

import static io.restassured.RestAssured.given;
import static org.chorus.survey.SurveyFixtures.withComment;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.platform.testing.TestCallers;
import org.chorus.platform.web.caller.Scopes;
import org.chorus.survey.SurveyFixtures;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Coding free text with a frame of an organisation's own: the coder's list (uncoded first, erased answers gone),
 * codings guarded by If-Match, bad input named by its pointer, progress, and coded counts suppressed like every
 * other result.
 */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class CodingResourceTest {

    private static final String FRAMES = "/api/v1/coding-frames";
    private static final String ANSWERS = "/api/v1/surveys/{surveyId}/coding/answers";
    private static final String CODE = "/api/v1/responses/{responseId}/coding";

    private final UUID organisation = UUID.randomUUID();
    private final String manager = TestCallers.bearer(organisation, Scopes.CODING_MANAGE);
    private final String coder = TestCallers.bearer(organisation, Scopes.CODING_WRITE);

    @Test
    void answersAreCodedAgainstAFrameUncodedFirstWithErasedAnswersGone() {
        String frameId = createFrame();
        String surveyId = SurveyFixtures.openSmallSurvey(SurveyFixtures.newOwner());
        List<String[]> responses = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            responses.add(SurveyFixtures.submit(SurveyFixtures.website(), surveyId, withComment("Comment " + i)));
        }
        SurveyFixtures.submit(SurveyFixtures.website(), surveyId, withComment(null));
        List<String> listed = answerIds(surveyId);
        assertEquals(responses.stream().map(r -> r[0]).toList(), listed, "every written answer, in order; none empty");

        Map<String, Object> coded = code(responses.get(0)[0], "\"0\"", Map.of("frameId", frameId, "categories",
                List.of("access-waiting"), "sentiment", "NEGATIVE")).statusCode(200).header("ETag", startsWith("\"1-"))
                .body("coding.categories", contains("access-waiting")).body("version", equalTo(1))
                .extract().jsonPath().getMap("");
        assertEquals(listedAnswer(surveyId, responses.get(0)[0]), coded, "a coding answers the row the list shows");
        List<String> uncodedFirst = new ArrayList<>(listed.subList(1, 7));
        uncodedFirst.add(listed.get(0));
        assertEquals(uncodedFirst, answerIds(surveyId), "uncoded first, then coded");

        code(responses.get(0)[0], "\"0\"", Map.of("frameId", frameId, "categories", List.of("staff")))
                .statusCode(412);
        code(responses.get(0)[0], null, Map.of("frameId", frameId)).statusCode(428);
        code(responses.get(1)[0], "\"0\"", Map.of("frameId", frameId, "categories",
                List.of("staff", "parking"))).statusCode(422).body("errors.pointer", contains("/categories/1"));
        code(responses.get(1)[0], "\"0\"", Map.of("frameId", frameId, "categories", List.of("acess-waiting")))
                .statusCode(422).body("errors[0].detail", equalTo("is not a category of frame " + frameId
                        + " version 1; did you mean access-waiting?"));
        code(responses.get(1)[0], "\"0\"", Map.of("frameId", UUID.randomUUID().toString()))
                .statusCode(422).body("errors.pointer", contains("/frameId"));
        String othersFrame = createFrame(TestCallers.bearer(UUID.randomUUID(), Scopes.CODING_MANAGE));
        code(responses.get(1)[0], "\"0\"", Map.of("frameId", othersFrame)).statusCode(422)
                .body("errors.pointer", contains("/frameId"));

        String[] erased = responses.remove(6);
        given().header("Authorization", SurveyFixtures.website()).header("Erasure-Token", erased[1])
                .when().delete("/api/v1/responses/{id}", erased[0]).then().statusCode(204);
        code(erased[0], "\"0\"", Map.of("frameId", frameId)).statusCode(410);
        code(UUID.randomUUID().toString(), "\"0\"", Map.of("frameId", frameId)).statusCode(404);
        given().header("Authorization", coder).when().get(ANSWERS, surveyId).then().statusCode(200)
                .body("items.responseId", not(hasItem(erased[0])));

        for (int i = 1; i < 5; i++) {
            code(responses.get(i)[0], "\"0\"", Map.of("frameId", frameId, "categories",
                    List.of("access-waiting", "access"))).statusCode(200);
        }
        code(responses.get(5)[0], "\"0\"", Map.of("frameId", frameId, "cannotBeCoded", true))
                .statusCode(200).body("coding.cannotBeCoded", equalTo(true));
        given().header("Authorization", coder).when().get("/api/v1/surveys/{surveyId}/coding/progress", surveyId)
                .then().statusCode(200).body("questionId", contains("comments")).body("answers", contains(6))
                .body("coded", contains(6)).body("percentCoded", contains(100.0f));

        String analyst = TestCallers.bearer(organisation, Scopes.EXPORTS_READ);
        ValidatableResponse results = given().header("Authorization", analyst)
                .queryParam("frameId", frameId).when().get("/api/v1/surveys/{surveyId}/coding/results", surveyId)
                .then().statusCode(200);
        Map<String, Object> comments = results.extract().path("groups[0].questions[0]");
        assertEquals(Map.of("count", 6), comments.get("coded"));
        assertEquals(Map.of("suppressed", true), comments.get("cannotBeCoded"), "1 answer: suppressed");
        Map<String, Object> byCode = new HashMap<>();
        results.extract().<List<Map<String, Object>>>path("groups[0].questions[0].categories")
                .forEach(c -> byCode.put((String) c.get("code"), c.get("answers")));
        assertEquals(Map.of("access", Map.of("suppressed", true), "access-waiting", Map.of("count", 5),
                "staff", Map.of("count", 0)), byCode);
    }

    @Test
    void aFrameIsVersionedByItsOwnerOnly() {
        String frameId = createFrame();
        Map<String, Object> next = Map.of("categories", List.of(Map.of("code", "access", "label", "Access",
                "minors", List.of(Map.of("code", "access-parking", "label", "Parking")))));
        given().header("Authorization", manager).header("If-Match", "\"1\"").contentType(ContentType.JSON).body(next)
                .when().post(FRAMES + "/{id}/versions", frameId).then().statusCode(201)
                .header("ETag", startsWith("\"2-")).body("version", equalTo(2))
                .body("categories[0].minors[0].code", equalTo("access-parking"));
        given().header("Authorization", manager).header("If-Match", "\"1\"").contentType(ContentType.JSON).body(next)
                .when().post(FRAMES + "/{id}/versions", frameId).then().statusCode(412);
        given().header("Authorization", coder).queryParam("version", 1).when().get(FRAMES + "/{id}", frameId).then()
                .statusCode(200).body("version", equalTo(1)).body("latestVersion", equalTo(2))
                .body("categories[1].code", equalTo("staff"));
        given().header("Authorization", TestCallers.bearer(UUID.randomUUID(), Scopes.CODING_WRITE))
                .when().get(FRAMES + "/{id}", frameId).then().statusCode(404);
        given().header("Authorization", manager).contentType(ContentType.JSON)
                .body(Map.of("name", "Twice", "categories", List.of(Map.of("code", "a", "label", "A"),
                        Map.of("code", "a", "label", "Again"))))
                .when().post(FRAMES).then().statusCode(422).body("errors.pointer", contains("/categories/1/code"));
        // a theme's label would count its answers under no theme of the taxonomy: refused at the frame
        given().header("Authorization", manager).contentType(ContentType.JSON)
                .body(Map.of("name", "Labelled", "categories", List.of(Map.of("code", "access", "label", "Access",
                        "minors", List.of(Map.of("code", "access-waiting", "label", "Waiting",
                                "insightTheme", "Waiting times"))))))
                .when().post(FRAMES).then().statusCode(422)
                .body("errors.pointer", contains("/categories/0/minors/0/insightTheme"))
                .body("errors[0].detail", equalTo("must be a theme's code, as GET /api/v1/themes lists them "
                        + "(waiting-times, not Waiting times): lower-case letters, digits and hyphens"));
        given().header("Authorization", coder).contentType(ContentType.JSON).body(next).when().post(FRAMES).then()
                .statusCode(403);
        given().header("Authorization", manager).contentType(ContentType.JSON).when().post(FRAMES).then()
                .statusCode(lessThan(500)).contentType("application/problem+json");
        given().header("Authorization", coder).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .queryParam("questionId", "comments").when().put(CODE, UUID.randomUUID()).then()
                .statusCode(lessThan(500)).contentType("application/problem+json");
    }

    private String createFrame() {
        return createFrame(manager);
    }

    private static String createFrame(String bearer) {
        Map<String, Object> frame = Map.of("name", "Access and staff", "categories", List.of(
                Map.of("code", "access", "label", "Access", "insightTheme", "access-to-care",
                        "minors", List.of(Map.of("code", "access-waiting", "label", "Waiting times"))),
                Map.of("code", "staff", "label", "Staff attitudes")));
        return given().header("Authorization", bearer).contentType(ContentType.JSON).body(frame)
                .when().post(FRAMES).then().statusCode(201).header("ETag", startsWith("\"1-"))
                .body("version", equalTo(1)).body("organisationId", not(nullValue())).extract().path("id");
    }

    private ValidatableResponse code(String responseId, String ifMatch, Map<String, Object> body) {
        var request = given().header("Authorization", coder).contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.queryParam("questionId", "comments").when().put(CODE, responseId).then();
    }

    private Map<String, Object> listedAnswer(String surveyId, String responseId) {
        return given().header("Authorization", coder).queryParam("limit", 100).when().get(ANSWERS, surveyId).then()
                .statusCode(200).extract().jsonPath().getMap("items.find { it.responseId == '" + responseId + "' }");
    }

    /** Walks the list three at a time, so the cursor is used across the coded/uncoded boundary. */
    private List<String> answerIds(String surveyId) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().header("Authorization", coder).queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.when().get(ANSWERS, surveyId).then().statusCode(200).extract();
            ids.addAll(page.path("items.responseId"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        return ids;
    }
}
