package org.chorus.insight.common;

import static io.restassured.RestAssured.given;
import static org.chorus.insight.support.InsightFixtures.activity;
import static org.chorus.insight.support.InsightFixtures.assertFieldRefused;
import static org.chorus.insight.support.InsightFixtures.organisation;
import static org.chorus.insight.support.InsightFixtures.post;
import static org.chorus.insight.support.InsightFixtures.unique;
import static org.chorus.insight.support.InsightFixtures.writer;
import static org.hamcrest.Matchers.empty;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A date is its ISO 8601 text, within PostgreSQL's range. Jackson read a number as a count of days since 1970
 * ({@code 20240601} was stored as the year 57386, {@code -2147483648} failed the insert with a 500) and a date with a
 * time as its day; each is a 400 naming the field, and nothing is stored.
 */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class DatesInBodiesTest {

    private static final String RULE = "must be a date between 4713 BC and 5874897 AD";
    private static final String ISO_TEXT = "expected a date written as 2024-06-01";

    @Test
    void aDateThatIsNotIsoTextOrOutsidePostgresRangeIsA400NamingIt() {
        String place = unique("dates");
        UUID org = organisation("Healthwatch Dates", true, place);
        for (Object notText : List.of(20240601, Integer.MIN_VALUE, List.of(2024, 6, 1), "2024-06-01T23:30:00", "")) {
            Map<String, Object> body = new HashMap<>(activity("Focus group", place));
            body.put("startDate", notText);
            assertFieldRefused(post(writer(org), "/api/v1/activities", body), "/startDate", ISO_TEXT);
        }
        Map<String, Object> farFuture = new HashMap<>(activity("Focus group", place));
        farFuture.put("endDate", "+9999999-01-01");
        assertFieldRefused(post(writer(org), "/api/v1/activities", farFuture), "/endDate", RULE);
        given().header("Authorization", writer(org)).queryParam("organisation", org.toString())
                .when().get("/api/v1/activities").then().statusCode(200).body("items", empty());
    }
}
