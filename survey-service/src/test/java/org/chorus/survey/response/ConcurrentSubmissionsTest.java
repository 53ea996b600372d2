package org.chorus.survey.response;

import static io.restassured.RestAssured.given;
import static org.chorus.survey.SurveyFixtures.newOwner;
import static org.chorus.survey.SurveyFixtures.openSmallSurvey;
import static org.chorus.survey.SurveyFixtures.website;
import static org.chorus.survey.response.ResponseResourceTest.validAnswers;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.platform.testing.StoredRows;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Submissions stored in groups ({@link SubmissionGroups}) are counted one by one: every acknowledged response is
 * stored once, with exactly one event and one idempotency record, however the requests fall into groups, and copies of
 * one request sent at once (a client retrying on a timeout) store one response between them.
 */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class ConcurrentSubmissionsTest {

    private static final int CLIENTS = 32;
    private static final int KEYS = 240;
    private static final int COPIES_OF_EVERY_FOURTH = 3;

    @Test
    void everyAcknowledgedResponseIsStoredOnceWithOneEventAndOneRecord() throws Exception {
        String surveyId = openSmallSurvey(newOwner());
        String bearer = website();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < KEYS; i++) {
            String key = UUID.randomUUID().toString();
            for (int copy = 0; copy < (i % 4 == 0 ? COPIES_OF_EVERY_FOURTH : 1); copy++) {
                keys.add(key);
            }
        }
        Map<String, Object> body = Map.of("answers", validAnswers());
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        Set<String> receipts = new HashSet<>();
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (String key : keys) {
                answers.add(clients.submit(() -> {
                    go.await();
                    return given().header("Authorization", bearer).header("Idempotency-Key", key)
                            .contentType(ContentType.JSON).body(body)
                            .when().post("/api/v1/surveys/" + surveyId + "/responses")
                            .then().statusCode(201).extract().<String>path("responseId");
                }));
            }
            go.countDown();
            for (Future<String> answer : answers) {
                receipts.add(answer.get(60, TimeUnit.SECONDS));
            }
        } finally {
            clients.shutdownNow();
        }

        assertEquals(KEYS, receipts.size(), "one receipt for each key, the same for every copy");
        assertEquals(receipts, new HashSet<>(StoredRows.column(
                "SELECT id::text FROM response WHERE survey_id = ?::uuid", surveyId)),
                "each receipt names a stored response, and no response is stored without one");
        assertEquals(KEYS, StoredRows.count("""
                SELECT e.position FROM outbox_event e JOIN response r ON e.aggregate_id = r.id::text
                WHERE r.survey_id = ?::uuid AND e.event_type = ?""", surveyId,
                ChorusEventTypes.RESPONSE_SUBMITTED.type()));
        assertEquals(KEYS, StoredRows.count("SELECT idempotency_key FROM idempotency_record WHERE operation = ?",
                "submit-response:" + surveyId));
    }
}
