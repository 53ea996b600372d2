package org.chorus.insight.outage;

import static io.restassured.RestAssured.given;
import static org.chorus.insight.support.InsightFixtures.activity;
import static org.chorus.insight.support.InsightFixtures.createActivity;
import static org.chorus.insight.support.InsightFixtures.organisation;
import static org.chorus.insight.support.InsightFixtures.reader;
import static org.chorus.insight.support.InsightFixtures.unique;
import static org.chorus.insight.support.InsightFixtures.writer;

import java.util.Map;
import java.util.UUID;

import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.platform.testing.DatabaseOutage;
import org.chorus.platform.testing.StoredRows;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** With PostgreSQL stopped insight answers 503 with Retry-After, and a retried activity is recorded once. */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class DatabaseUnavailableTest {

    @Test
    void readsAndNewActivitiesAnswer503UntilTheDatabaseIsBack() {
        String place = unique("outage");
        String writer = writer(organisation("Healthwatch Outage", true, place));
        String recorded = createActivity(writer, activity("Drop-in before the outage", place));
        Map<String, Object> newcomer = activity(unique("Drop-in during the outage"), place);
        String idempotencyKey = UUID.randomUUID().toString();
        DatabaseOutage.assertCreateRetriedAfterwardsStoredOnce(
                () -> given().header("Authorization", reader()).when().get("/api/v1/activities/" + recorded).then(),
                () -> record(writer, newcomer, idempotencyKey),
                () -> activitiesTitled(newcomer.get("title")));
    }

    private static ValidatableResponse record(String writer, Map<String, Object> body, String idempotencyKey) {
        return given().header("Authorization", writer).header("Idempotency-Key", idempotencyKey)
                .contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/activities").then();
    }

    private static int activitiesTitled(Object title) {
        return StoredRows.count("SELECT id FROM activity WHERE title = ?", title);
    }
}
