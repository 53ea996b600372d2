package org.chorus.survey.response;

import static io.restassured.RestAssured.given;
import static org.chorus.survey.SurveyFixtures.newOwner;
import static org.chorus.survey.SurveyFixtures.openSmallSurvey;
import static org.chorus.survey.SurveyFixtures.website;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;

/**
 * The erasure token is shown once and kept nowhere in plain text: not in the receipt kept for idempotent retries,
 * so a retry gets the receipt without it, and a retry after erasure gets 410 and neither the token nor a new response.
 */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class ErasureTokenAtRestTest {

    @Inject
    DataSource dataSource;

    @Test
    void aRetryNeverShowsTheTokenAgainAndAfterErasureIsGone() throws SQLException {
        String surveyId = openSmallSurvey(newOwner());
        String bearer = website();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("answers", ResponseResourceTest.validAnswers());
        var first = submit(bearer, key, surveyId, body).statusCode(201)
                .body("erasureToken", startsWith("ert_")).extract();
        String responseId = first.path("responseId");
        String token = first.path("erasureToken");

        List<String> kept = keptFor(key);
        assertEquals(1, kept.size());
        assertTrue(kept.get(0).contains(responseId), kept.get(0));
        assertFalse(kept.get(0).contains(token), "the erasure token is kept at rest: " + kept.get(0));

        submit(bearer, key, surveyId, body).statusCode(201)
                .header("Location", Matchers.endsWith("/api/v1/responses/" + responseId))
                .body("responseId", equalTo(responseId))
                .body("$", not(Matchers.hasKey("erasureToken")));

        given().header("Authorization", website()).header("Erasure-Token", token)
                .when().delete("/api/v1/responses/" + responseId).then().statusCode(204);

        String gone = submit(bearer, key, surveyId, body).statusCode(410)
                .contentType("application/problem+json").body("type", Matchers.endsWith("response-erased"))
                .extract().asString();
        assertFalse(gone.contains(token), gone);
        assertFalse(gone.contains(responseId), "a retry learns nothing but that it is gone: " + gone);
        assertEquals(0, ResponseResourceTest.storedResponses(dataSource, surveyId), "nothing submitted again");
    }

    private static ValidatableResponse submit(String bearer, String key, String surveyId, Map<String, Object> body) {
        return given().header("Authorization", bearer).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).when().post("/api/v1/surveys/" + surveyId + "/responses").then();
    }

    private List<String> keptFor(String key) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT convert_from(result, 'UTF8') FROM idempotency_record WHERE idempotency_key = ?")) {
            select.setString(1, key);
            List<String> kept = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    kept.add(rs.getString(1));
                }
            }
            return kept;
        }
    }
}
