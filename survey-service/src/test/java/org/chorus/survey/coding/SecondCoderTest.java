package org.chorus.survey.coding;

import static io.restassured.RestAssured.given;
import static org.chorus.survey.SurveyFixtures.withComment;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
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
 * A second coder codes blind what the first coded, and agreement per category comes out as counted by hand: for
 * "access" the coders agree on 4 of 6 answers, each using it on 3 (kappa 1/3); for "staff" on all 6 (kappa 1).
 */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class SecondCoderTest {

    private static final String CODE = "/api/v1/responses/{responseId}/coding";

    private final UUID organisation = UUID.randomUUID();
    private final String firstCoder = TestCallers.bearer(organisation, Scopes.CODING_WRITE);
    private final String secondCoder = TestCallers.bearer(organisation, Scopes.CODING_WRITE);

    @Test
    void theSecondCoderCodesBlindAndAgreementIsCountedPerCategory() {
        String frameId = given().header("Authorization", TestCallers.bearer(organisation, Scopes.CODING_MANAGE))
                .contentType(ContentType.JSON).body(Map.of("name", "Two coders", "categories", List.of(
                        Map.of("code", "access", "label", "Access"), Map.of("code", "staff", "label", "Staff"))))
                .when().post("/api/v1/coding-frames").then().statusCode(201).extract().path("id");
        String surveyId = SurveyFixtures.openSmallSurvey(SurveyFixtures.newOwner());
        List<String> responses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            responses.add(SurveyFixtures.submit(SurveyFixtures.website(), surveyId, withComment("Comment " + i))[0]);
        }
        String uncoded = SurveyFixtures.submit(SurveyFixtures.website(), surveyId, withComment("Left for later"))[0];
        List<List<String>> first = List.of(List.of("access"), List.of("access"), List.of("access"), List.of("staff"),
                List.of("staff"), List.of("staff"));
        List<List<String>> second = List.of(List.of("access"), List.of("access"), List.of(), List.of("staff", "access"),
                List.of("staff"), List.of("staff"));
        for (int i = 0; i < 6; i++) {
            code(firstCoder, responses.get(i), "first", frameId, first.get(i)).statusCode(200);
        }

        given().header("Authorization", firstCoder).when().get("/api/v1/surveys/{id}/coding/second-pass", surveyId)
                .then().statusCode(200).body("", hasSize(0));
        given().header("Authorization", secondCoder).when().get("/api/v1/surveys/{id}/coding/second-pass", surveyId)
                .then().statusCode(200).body("", hasSize(6)).body("coding", everyItem(nullValue()));
        code(firstCoder, responses.get(0), "second", frameId, List.of("access")).statusCode(409);
        code(secondCoder, uncoded, "second", frameId, List.of("access")).statusCode(409);
        for (int i = 0; i < 6; i++) {
            code(secondCoder, responses.get(i), "second", frameId, second.get(i)).statusCode(200);
        }
        given().header("Authorization", secondCoder).when().get("/api/v1/surveys/{id}/coding/second-pass", surveyId)
                .then().statusCode(200).body("", hasSize(0));

        ValidatableResponse agreement = given().header("Authorization", firstCoder).queryParam("frameId", frameId)
                .when().get("/api/v1/surveys/{id}/coding/agreement", surveyId).then().statusCode(200)
                .body("answersCompared", equalTo(6));
        Map<String, Object> access = agreement.extract().path("categories.find { it.code == 'access' }");
        assertEquals(List.of(2, 1, 1), List.of(access.get("both"), access.get("firstOnly"), access.get("secondOnly")));
        assertEquals(4.0 / 6, ((Number) access.get("percentAgreement")).doubleValue(), 1e-6);
        assertEquals(1.0 / 3, ((Number) access.get("kappa")).doubleValue(), 1e-6);
        Map<String, Object> staff = agreement.extract().path("categories.find { it.code == 'staff' }");
        assertEquals(1.0, ((Number) staff.get("percentAgreement")).doubleValue(), 1e-6);
        assertEquals(1.0, ((Number) staff.get("kappa")).doubleValue(), 1e-6);

        given().header("Authorization", firstCoder).when().get("/api/v1/surveys/{id}/coding/answers", surveyId)
                .then().statusCode(200).body("items[0].responseId", equalTo(uncoded))
                .body("items[1].coding.categories", equalTo(List.of("access")));
    }

    private static ValidatableResponse code(String coder, String responseId, String pass, String frameId,
            List<String> categories) {
        return given().header("Authorization", coder).header("If-Match", "\"0\"").queryParam("questionId", "comments")
                .queryParam("pass", pass).contentType(ContentType.JSON)
                .body(Map.of("frameId", frameId, "categories", categories)).when().put(CODE, responseId).then();
    }
}
