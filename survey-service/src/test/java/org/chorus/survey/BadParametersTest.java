package org.chorus.survey;

import static io.restassured.RestAssured.given;
import static org.chorus.survey.SurveyFixtures.analyst;
import static org.chorus.survey.SurveyFixtures.newOwner;
import static org.chorus.survey.SurveyFixtures.openSmallSurvey;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;

import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Typed parameters a caller got wrong are a 400 problem naming the parameter: a time Java reads but PostgreSQL cannot
 * hold once failed the export's query with a 500, and JAX-RS's own conversion failures named nothing.
 */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class BadParametersTest {

    @Test
    void anExportSinceATimeBeyondPostgresqlIsA400NamingIt() {
        String survey = openSmallSurvey(newOwner());
        for (String time : List.of("+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z")) {
            given().header("Authorization", analyst()).queryParam("since", time)
                    .when().get("/api/v1/surveys/" + survey + "/responses/export")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].parameter", equalTo("since"))
                    .body("detail", containsString("since: must be a time in UTC"));
        }
    }

    /** An analyst asking for responses since a day is shown how to write that day's start, not left to guess. */
    @Test
    void aDateWhereATimeIsReadIsA400ShowingTheStartOfThatDay() {
        String survey = openSmallSurvey(newOwner());
        given().header("Authorization", analyst()).queryParam("since", "2026-12-01")
                .when().get("/api/v1/surveys/" + survey + "/responses/export")
                .then().statusCode(400).body("errors[0].detail", equalTo("must be a time in UTC, e.g. "
                        + "2024-05-01T09:30:00Z, in the years PostgreSQL can hold; for the start of that day in UTC, "
                        + "2026-12-01T00:00:00Z"));
        given().header("Authorization", analyst()).queryParam("since", "yesterday")
                .when().get("/api/v1/surveys/" + survey + "/responses/export")
                .then().statusCode(400).body("errors[0].detail", equalTo("must be a time in UTC, e.g. "
                        + "2024-05-01T09:30:00Z, in the years PostgreSQL can hold"));
    }

    @Test
    void aSurveyIdThatIsNotAUuidIsA400NamingIt() {
        given().header("Authorization", analyst()).when().get("/api/v1/surveys/not-a-uuid/results")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].parameter", equalTo("surveyId"))
                .body("errors[0].detail", startsWith("must be a UUID written as 36 characters"));
    }
}
