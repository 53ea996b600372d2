package org.chorus.survey;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.chorus.platform.testing.DatabaseOutage.assertUnavailable;
import static org.chorus.survey.SurveyFixtures.analyst;
import static org.chorus.survey.SurveyFixtures.newOwner;
import static org.chorus.survey.SurveyFixtures.openSmallSurvey;
import static org.chorus.survey.SurveyFixtures.website;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.platform.testing.DatabaseOutage;
import org.chorus.platform.testing.StoredRows;
import org.chorus.platform.web.problem.Problem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * PostgreSQL stopped or restarting under the busiest path: callers hear 503 with Retry-After, never 500, and a
 * client that retries with the same Idempotency-Key ends with exactly one stored response per submission.
 */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class DatabaseUnavailableTest {

    private static final int CLIENTS = 8;
    private static final int SUBMISSIONS_EACH = 50;
    /** Acknowledged submissions before PostgreSQL is stopped, so that the outage falls in the middle of the run. */
    private static final int BEFORE_OUTAGE = CLIENTS * SUBMISSIONS_EACH / 4;

    @AfterEach
    void databaseRunsForTheTestsAfterThis() {
        DatabaseOutage.end();
    }

    @Test
    void whileTheDatabaseIsStoppedReadsSubmissionsAndExportsAnswer503() {
        String surveyId = openSmallSurvey(newOwner());
        String website = website();
        DatabaseOutage.begin();

        assertUnavailable(given().header("Authorization", website)
                .when().get("/api/v1/surveys/" + surveyId).then());
        assertUnavailable(submission(website, surveyId, UUID.randomUUID().toString()).then());
        assertUnavailable(given().header("Authorization", analyst()).queryParam("format", "csv")
                .when().get("/api/v1/surveys/" + surveyId + "/responses/export").then());
        DatabaseOutage.awaitReadiness("DOWN");

        DatabaseOutage.end();
        assertEquals(List.of(), storedResponses(surveyId), "no refused submission was stored");
    }

    @Test
    void afterARestartTheServiceWorksAgainByItself() {
        String surveyId = openSmallSurvey(newOwner());
        DatabaseOutage.cut();
        assertUnavailable(submission(website(), surveyId, UUID.randomUUID().toString()).then());
        DatabaseOutage.restart();

        String website = website();
        String key = UUID.randomUUID().toString();
        // Status codes, not RestAssured's assertions: a 503 while the pool reconnects is expected, and an assertion
        // that fails prints the whole exchange into a green build's log.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                given().header("Authorization", website).when().get("/api/v1/surveys/" + surveyId).statusCode() == 200
                        && submission(website, surveyId, key).statusCode() == 201);
        DatabaseOutage.awaitReadiness("UP");
        assertEquals(1, storedResponses(surveyId).size(), "the one acknowledged submission is stored, once");
    }

    @Test
    void submissionsAcrossARestartAre201Or503AndRetriesStoreEachExactlyOnce() throws Exception {
        String surveyId = openSmallSurvey(newOwner());
        Run run = new Run(surveyId);
        ExecutorService threads = Executors.newFixedThreadPool(CLIENTS + 1);
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (int client = 0; client < CLIENTS; client++) {
                clients.add(threads.submit(run::client));
            }
            Future<?> outage = threads.submit(run::outage);
            for (Future<?> client : clients) {
                client.get(5, TimeUnit.MINUTES);
            }
            outage.get(1, TimeUnit.MINUTES);
        } finally {
            threads.shutdownNow();
        }

        assertEquals(List.of(), run.unexpected, "every answer is 201, or 503 with Retry-After");
        assertTrue(run.count(503) > 0, "the outage was seen by the clients: " + run.statuses);
        assertEquals(Set.of(201, 503), run.statuses.keySet());
        assertEquals(CLIENTS * SUBMISSIONS_EACH, run.acknowledged.size(), "one receipt per submission");
        List<String> stored = storedResponses(surveyId);
        assertEquals(CLIENTS * SUBMISSIONS_EACH, stored.size(), "one stored response per submission");
        assertEquals(run.acknowledged, new HashSet<>(stored), "exactly the acknowledged responses are stored");
        assertEquals(CLIENTS * SUBMISSIONS_EACH, announcedResponses(surveyId), "one event per stored response");
    }

    /** Clients submitting while another thread stops and starts PostgreSQL once enough of them got through. */
    private static final class Run {

        private final String surveyId;
        private final CountDownLatch beforeOutage = new CountDownLatch(BEFORE_OUTAGE);
        /** Counted down by each client at its first 503, so that the outage lasts until every client met it. */
        private final CountDownLatch everyClientRefused = new CountDownLatch(CLIENTS);
        private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        private final List<String> unexpected = new CopyOnWriteArrayList<>();

        Run(String surveyId) {
            this.surveyId = surveyId;
        }

        /** One client: a website key of its own, a key per submission, and each 503 retried with the same key. */
        void client() {
            String website = website();
            AtomicBoolean refused = new AtomicBoolean();
            for (int i = 0; i < SUBMISSIONS_EACH; i++) {
                String key = UUID.randomUUID().toString();
                String responseId = await().atMost(Duration.ofSeconds(90)).pollInSameThread()
                        .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50))
                        .until(() -> attempt(website, key, refused), id -> id != null);
                acknowledged.add(responseId);
                beforeOutage.countDown();
            }
        }

        /** @return the response id once acknowledged, or null to try again */
        private String attempt(String website, String key, AtomicBoolean refused) {
            Response answer = submission(website, surveyId, key);
            statuses.computeIfAbsent(answer.statusCode(), status -> new LongAdder()).increment();
            switch (answer.statusCode()) {
                case 201 -> {
                    return answer.path("responseId");
                }
                case 503 -> {
                    if (refused.compareAndSet(false, true)) {
                        everyClientRefused.countDown();
                    }
                    if (answer.header("Retry-After") == null || !answer.contentType().startsWith(Problem.MEDIA_TYPE)
                            || !DatabaseOutage.UNAVAILABLE.equals(answer.path("type"))) {
                        unexpected.add("503 without Retry-After or problem: " + answer.asString());
                    }
                    return null;
                }
                default -> {
                    unexpected.add(answer.statusCode() + " " + answer.asString());
                    return null;
                }
            }
        }

        void outage() {
            try {
                assertTrue(beforeOutage.await(2, TimeUnit.MINUTES), "submissions before the outage");
                DatabaseOutage.cut();
                assertTrue(everyClientRefused.await(1, TimeUnit.MINUTES), "every client met the outage");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                DatabaseOutage.restart();
            }
        }

        long count(int status) {
            LongAdder adder = statuses.get(status);
            return adder == null ? 0 : adder.sum();
        }
    }

    private static Response submission(String bearer, String surveyId, String idempotencyKey) {
        return given().header("Authorization", bearer).header("Idempotency-Key", idempotencyKey)
                .contentType(ContentType.JSON)
                .body(Map.of("answers", Map.of(
                        "rank", Map.of("ranking", List.of("living", "starting", "ageing")),
                        "issues", Map.of("choices", List.of("food")),
                        "place", Map.of("choice", "blackpool"))))
                .when().post("/api/v1/surveys/" + surveyId + "/responses");
    }

    private static List<String> storedResponses(String surveyId) {
        return StoredRows.column("SELECT id::text FROM response WHERE survey_id = ?::uuid", surveyId);
    }

    /** Response events are keyed by the response, so they are found through the survey's stored responses. */
    private static int announcedResponses(String surveyId) {
        return StoredRows.count("SELECT e.event_id FROM outbox_event e JOIN response r ON e.aggregate_id = r.id::text "
                + "WHERE e.topic = ? AND r.survey_id = ?::uuid", ChorusEventTypes.SURVEY_RESPONSES, surveyId);
    }
}
