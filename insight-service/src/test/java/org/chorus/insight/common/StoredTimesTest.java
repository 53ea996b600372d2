package org.chorus.insight.common;

import static io.restassured.RestAssured.given;
import static org.chorus.insight.support.InsightFixtures.activity;
import static org.chorus.insight.support.InsightFixtures.finding;
import static org.chorus.insight.support.InsightFixtures.organisation;
import static org.chorus.insight.support.InsightFixtures.post;
import static org.chorus.insight.support.InsightFixtures.unique;
import static org.chorus.insight.support.InsightFixtures.writer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.junit.jupiter.api.RepeatedTest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A time insight answers with is the time a later read returns: a partner website that keeps a finding's
 * publishedAt, or an ICB that keeps an action's updatedAt, never sees it change by a fraction of a microsecond on
 * the next read. Repeated, since a clock reading that happens to fall on a whole microsecond would hide the
 * difference.
 */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class StoredTimesTest {

    @RepeatedTest(3)
    void anActivityAFindingAndAnActionReadBackAsTheyWereAnswered() {
        String place = unique("blackpool");
        UUID healthwatch = organisation("Healthwatch Blackpool", true, place);
        String auth = writer(healthwatch);

        JsonPath activity = post(auth, "/api/v1/activities", activity("Carers' focus group", place))
                .statusCode(201).extract().jsonPath();
        assertUnchanged(activity);
        assertTimesRead(auth, "/api/v1/activities/" + activity.getString("id"), activity, "createdAt", "updatedAt");

        JsonPath finding = post(auth, "/api/v1/findings", finding(activity.getString("id"),
                "Carers waited months for mental health support", List.of("mental-health-support"), List.of()))
                .statusCode(201).extract().jsonPath();
        String findingPath = "/api/v1/findings/" + finding.getString("id");
        assertUnchanged(finding);
        assertTimesRead(auth, findingPath, finding, "createdAt", "updatedAt");
        JsonPath published = publish(auth, findingPath);
        assertTimesRead(auth, findingPath, published, "createdAt", "updatedAt", "publishedAt");

        Map<String, Object> body = new HashMap<>();
        body.put("title", "Respite at short notice");
        body.put("decision", "A short-notice respite service for carers");
        body.put("findingIds", List.of(finding.getString("id")));
        body.put("status", "PLANNED");
        body.put("decidedOn", "2020-02-01");
        JsonPath action = post(auth, "/api/v1/actions", body).statusCode(201).extract().jsonPath();
        String actionPath = "/api/v1/actions/" + action.getString("id");
        assertUnchanged(action);
        assertTimesRead(auth, actionPath, action, "createdAt", "updatedAt");
        assertTimesRead(auth, actionPath, publish(auth, actionPath), "createdAt", "updatedAt", "publishedAt");
    }

    /** A new record's updatedAt is its createdAt, so that a later one means someone changed it. */
    private static void assertUnchanged(JsonPath created) {
        assertEquals(created.getString("createdAt"), created.getString("updatedAt"), "a new record is unchanged");
    }

    private static JsonPath publish(String auth, String path) {
        return given().header("Authorization", auth).when().post(path + "/publish").then().statusCode(200)
                .extract().jsonPath();
    }

    private static void assertTimesRead(String auth, String path, JsonPath answered, String... fields) {
        JsonPath read = given().header("Authorization", auth).when().get(path).then().statusCode(200)
                .extract().jsonPath();
        for (String field : fields) {
            assertEquals(Instant.parse(answered.getString(field)), Instant.parse(read.getString(field)),
                    path + " " + field);
        }
    }
}
