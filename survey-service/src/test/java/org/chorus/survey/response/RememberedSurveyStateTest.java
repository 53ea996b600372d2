package org.chorus.survey.response;

import static io.restassured.RestAssured.given;
import static org.chorus.survey.SurveyFixtures.countedResults;
import static org.chorus.survey.SurveyFixtures.etag;
import static org.chorus.survey.SurveyFixtures.minimal;
import static org.chorus.survey.SurveyFixtures.newOwner;
import static org.chorus.survey.SurveyFixtures.openSmallSurvey;
import static org.chorus.survey.SurveyFixtures.publish;
import static org.chorus.survey.SurveyFixtures.smallSurvey;
import static org.chorus.survey.SurveyFixtures.website;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.survey.SurveyFixtures.Owner;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;

/**
 * A replica remembers whether a survey takes responses, so that a submission need not ask the database. These are the
 * changes it must never miss: made through this replica, or straight in the database as another replica makes them.
 */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class RememberedSurveyStateTest {

    private static final int CLIENTS = 8;

    @Inject
    DataSource dataSource;

    @Test
    void aSurveyClosedAfterAResponseTakesNoMore() {
        Owner owner = newOwner();
        String surveyId = openSmallSurvey(owner);
        submit(surveyId).statusCode(201);
        given().header("Authorization", owner.bearer()).header("If-Match", etag(owner, surveyId))
                .when().post("/api/v1/surveys/" + surveyId + "/close").then().statusCode(200);

        submit(surveyId).statusCode(409).body("type", equalTo("https://chorus.example/problems/survey-closed"));
        assertEquals(1, ResponseResourceTest.storedResponses(dataSource, surveyId));
    }

    @Test
    void aSurveyClosedByAnotherReplicaTakesNoMoreAndOneReopenedThereTakesThemAgain() {
        String surveyId = openSmallSurvey(newOwner());
        submit(surveyId).statusCode(201);

        setClosesAt(surveyId, Instant.now().minusSeconds(60));
        submit(surveyId).statusCode(409).body("type", equalTo("https://chorus.example/problems/survey-closed"));
        setClosesAt(surveyId, Instant.now().plusSeconds(3600));
        submit(surveyId).statusCode(201);

        assertEquals(2, ResponseResourceTest.storedResponses(dataSource, surveyId));
    }

    @Test
    void aSurveyRepublishedAfterAResponseTakesTheNextForItsNewVersion() {
        Owner owner = newOwner();
        String surveyId = openSmallSurvey(owner);
        submit(surveyId).statusCode(201).body("surveyVersion", equalTo(1));
        Map<String, Object> reworded = smallSurvey();
        reworded.put("title", Map.of("en", "Our draft priorities, reworded"));
        given().header("Authorization", owner.bearer()).header("If-Match", etag(owner, surveyId))
                .contentType(ContentType.JSON).body(reworded)
                .when().put("/api/v1/surveys/" + surveyId).then().statusCode(200);
        publish(owner, surveyId);

        submit(surveyId).statusCode(201).body("surveyVersion", equalTo(2));
        assertEquals(Map.of(1, 1L, 2, 1L), storedByVersion(surveyId));
    }

    @Test
    void responsesSentWhileTheSurveyClosesAreEachStoredAndCountedOrRefused() throws Exception {
        Owner owner = newOwner();
        String surveyId = openSmallSurvey(owner);
        AtomicInteger accepted = new AtomicInteger();
        CountDownLatch enoughAccepted = new CountDownLatch(20);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> sending = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                sending.add(clients.submit(() -> {
                    // each client sends until the survey refuses it: closed must mean closed on every request
                    while (true) {
                        var answer = submit(surveyId).extract();
                        if (answer.statusCode() != 201) {
                            assertEquals(409, answer.statusCode(), answer.asString());
                            assertEquals("https://chorus.example/problems/survey-closed", answer.path("type"));
                            return null;
                        }
                        accepted.incrementAndGet();
                        enoughAccepted.countDown();
                    }
                }));
            }
            assertTrue(enoughAccepted.await(60, TimeUnit.SECONDS), "responses accepted before closing");
            given().header("Authorization", owner.bearer()).header("If-Match", etag(owner, surveyId))
                    .when().post("/api/v1/surveys/" + surveyId + "/close").then().statusCode(200);
            for (Future<?> client : sending) {
                client.get(60, TimeUnit.SECONDS);
            }
        } finally {
            clients.shutdownNow();
        }

        assertEquals(accepted.get(), ResponseResourceTest.storedResponses(dataSource, surveyId),
                "every acknowledged response stored, and nothing else");
        countedResults(surveyId, null).body("groups[0].responses.count", equalTo(accepted.get()));
    }

    private static ValidatableResponse submit(String surveyId) {
        return given().header("Authorization", website()).contentType(ContentType.JSON).body(minimal())
                .when().post("/api/v1/surveys/" + surveyId + "/responses").then();
    }

    /**
     * What another replica's change leaves in the table. The survey stays OPEN even when the closing job, which may run
     * between two of these, has recorded an overdue one as CLOSED: reopening it sets both.
     */
    private void setClosesAt(String surveyId, Instant closesAt) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE survey SET closes_at = ?, status = 'OPEN' WHERE id = ?")) {
            update.setObject(1, closesAt.atOffset(ZoneOffset.UTC));
            update.setObject(2, UUID.fromString(surveyId));
            assertEquals(1, update.executeUpdate());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<Integer, Long> storedByVersion(String surveyId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT survey_version, count(*) FROM response WHERE survey_id = ? GROUP BY survey_version")) {
            select.setObject(1, UUID.fromString(surveyId));
            Map<Integer, Long> counts = new HashMap<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getInt(1), rs.getLong(2));
                }
            }
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
