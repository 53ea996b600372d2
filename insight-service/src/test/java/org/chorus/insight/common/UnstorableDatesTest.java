package org.chorus.insight.common;

import static io.restassured.RestAssured.given;
import static org.chorus.insight.support.InsightFixtures.activity;
import static org.chorus.insight.support.InsightFixtures.createActivity;
import static org.chorus.insight.support.InsightFixtures.finding;
import static org.chorus.insight.support.InsightFixtures.organisation;
import static org.chorus.insight.support.InsightFixtures.unique;
import static org.chorus.insight.support.InsightFixtures.writer;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.junit.jupiter.api.Test;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Jackson reads dates PostgreSQL cannot store (an integer as a day five million years ago, the year 9999999): the insert
 * once failed with a 500; it is a 400 problem naming the field.
 */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class UnstorableDatesTest {

    private static final String RULE = "must be a date between 4713 BC and 5874897 AD";

    @Test
    void aDateOutsidePostgresRangeIsA400NamingIt() {
        String place = unique("dates");
        UUID org = organisation("Healthwatch Dates", true, place);
        Map<String, Object> asDayNumber = new java.util.HashMap<>(activity("Focus group", place));
        asDayNumber.put("startDate", Integer.MIN_VALUE);
        refused(post(writer(org), "/api/v1/activities", asDayNumber), "/startDate");
        Map<String, Object> farFuture = new java.util.HashMap<>(activity("Focus group", place));
        farFuture.put("endDate", "+9999999-01-01");
        refused(post(writer(org), "/api/v1/activities", farFuture), "/endDate");
    }

    private static ValidatableResponse post(String bearer, String path, Map<String, Object> body) {
        return given().header("Authorization", bearer).contentType(ContentType.JSON).body(body)
                .when().post(path).then();
    }

    private static void refused(ValidatableResponse response, String pointer) {
        response.statusCode(400).contentType("application/problem+json")
                .body("errors[0].pointer", equalTo(pointer))
                .body("errors[0].detail", equalTo(RULE));
    }
}
