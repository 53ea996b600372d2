package org.chorus.survey.response;

import static io.restassured.RestAssured.given;
import static org.chorus.survey.SurveyFixtures.createDraft;
import static org.chorus.survey.SurveyFixtures.newOwner;
import static org.chorus.survey.SurveyFixtures.openSmallSurvey;
import static org.chorus.survey.SurveyFixtures.publish;
import static org.chorus.survey.SurveyFixtures.smallSurvey;
import static org.chorus.survey.SurveyFixtures.website;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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

import javax.sql.DataSource;

import org.chorus.platform.events.ChorusEvent;
import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.events.contract.ResponseData;
import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.platform.testing.EventProbe;
import org.chorus.survey.SurveyFixtures.Owner;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;

@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class ResponseResourceTest {

    @Inject
    ObjectMapper objectMapper;

    @Inject
    DataSource dataSource;

    static Map<String, Object> validAnswers() {
        return new HashMap<>(Map.of(
                "rank", Map.of("ranking", List.of("living", "starting", "ageing")),
                "issues", Map.of("choices", List.of("food", "digital")),
                "comments", Map.of("text", "More buses, please"),
                "place", Map.of("choice", "blackpool")));
    }

    static ValidatableResponse submit(String bearer, String surveyId, Map<String, Object> body) {
        return given().header("Authorization", bearer).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/surveys/" + surveyId + "/responses").then();
    }

    @Test
    void aWebsiteSubmitsAndGetsAReceiptWhileTheEventCarriesNoAnswers() {
        String surveyId = openSmallSurvey(newOwner());
        String responseId = submit(website(), surveyId, Map.of("answers", validAnswers()))
                .statusCode(201)
                .body("surveyVersion", equalTo(1))
                .body("erasureToken", startsWith("ert_"))
                .extract().path("responseId");

        ChorusEvent event = EventProbe.await(ChorusEventTypes.SURVEY_RESPONSES,
                e -> new String(e.data()).contains(responseId), Duration.ofSeconds(10));
        ResponseData data = event.dataAs(objectMapper, ResponseData.class);
        assertEquals(responseId, event.aggregateId(), "keyed by response, so that its erasure follows it");
        assertEquals("ONLINE", data.channel());
        assertEquals("blackpool", data.placeCode());
        assertFalse(new String(event.data()).contains("More buses"), "no free text leaves the service");
        assertEquals(1, storedResponses(surveyId));
    }

    @Test
    void eachBrokenRuleIsNamedAtItsQuestionAndNothingIsStored() throws Exception {
        String surveyId = openSmallSurvey(newOwner());
        Map<String, Object> answers = new HashMap<>();
        answers.put("rank", Map.of("ranking", List.of("living", "living", "moon")));
        answers.put("issues", Map.of("choices", List.of("food", "fuel", "digital")));
        answers.put("agree", Map.of("choice", "maybe"));
        answers.put("score", Map.of("rating", 9));
        answers.put("comments", Map.of("text", "x".repeat(51)));
        answers.put("ethnicity", Map.of("choice", "asian"));
        answers.put("shoe-size", Map.of("text", "9"));

        submit(website(), surveyId, Map.of("answers", answers))
                .statusCode(422).contentType("application/problem+json")
                .body("errors.findAll { it.pointer == '/answers/rank/ranking/1' }.detail[0]", startsWith("duplicate-item"))
                .body("errors.findAll { it.pointer == '/answers/rank/ranking/2' }.detail[0]", startsWith("unknown-item"))
                .body("errors.findAll { it.pointer == '/answers/issues/choices' }.detail[0]",
                        startsWith("too-many-choices"))
                .body("errors.findAll { it.pointer == '/answers/agree/choice' }.detail[0]", startsWith("unknown-option"))
                .body("errors.findAll { it.pointer == '/answers/score/rating' }.detail[0]", startsWith("out-of-scale"))
                .body("errors.findAll { it.pointer == '/answers/comments/text' }.detail[0]", startsWith("too-long"))
                .body("errors.findAll { it.pointer == '/answers/ethnicity/consent' }.detail[0]",
                        startsWith("consent-required"))
                .body("errors.findAll { it.pointer == '/answers/shoe-size' }.detail[0]", startsWith("unknown-question"));

        Map<String, Object> fraction = validAnswers();
        fraction.put("score", Map.of("rating", 3.7));
        submit(website(), surveyId, Map.of("answers", fraction))
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].pointer", equalTo("/answers/score/rating"))
                .body("errors[0].detail", equalTo("expected a whole number"));

        // JSON can spell half of a surrogate pair; PostgreSQL would have kept the comment with "?" in its place.
        Map<String, Object> halfACharacter = validAnswers();
        halfACharacter.put("comments", Map.of("text", "More buses HALF"));
        String halfSent = objectMapper.writeValueAsString(Map.of("answers", halfACharacter))
                .replace("HALF", "\\ud83d");
        given().header("Authorization", website()).contentType(ContentType.JSON).body(halfSent)
                .when().post("/api/v1/surveys/" + surveyId + "/responses")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].pointer", equalTo("/answers/comments/text"))
                .body("errors[0].detail", startsWith("must hold whole characters: \\uD83D at character 12"));

        Map<String, Object> missingRequired = validAnswers();
        missingRequired.remove("rank");
        submit(website(), surveyId, Map.of("answers", missingRequired))
                .statusCode(422).body("errors[0].pointer", equalTo("/answers/rank"))
                .body("errors[0].detail", startsWith("required"));
        assertEquals(0, storedResponses(surveyId));
    }

    @Test
    void aSpecialCategoryAnswerIsKeptOnlyWithConsent() {
        String surveyId = openSmallSurvey(newOwner());
        Map<String, Object> answers = validAnswers();
        answers.put("ethnicity", Map.of("choice", "asian", "consent", true));
        submit(website(), surveyId, Map.of("answers", answers)).statusCode(201);
        answers.put("ethnicity", Map.of("choice", "asian", "consent", false));
        submit(website(), surveyId, Map.of("answers", answers)).statusCode(422)
                .body("errors[0].pointer", equalTo("/answers/ethnicity/consent"));
    }

    @Test
    void contactDetailsAreKeptOnlyWithConsentAndApartFromTheAnswersAndTheEvent() {
        String surveyId = openSmallSurvey(newOwner());
        Map<String, Object> contact = new HashMap<>(Map.of("name", "Sam Taylor", "email", "sam@example.org"));
        submit(website(), surveyId, Map.of("answers", validAnswers(), "contact", contact))
                .statusCode(422).body("errors[0].pointer", equalTo("/contact/consent"));
        contact.put("consent", true);
        String responseId = submit(website(), surveyId, Map.of("answers", validAnswers(), "contact", contact))
                .statusCode(201).extract().path("responseId");

        assertEquals("sam@example.org", column("contact ->> 'email'", responseId));
        assertFalse(storedAnswers(surveyId).contains("sam@example.org"));
        ChorusEvent event = EventProbe.await(ChorusEventTypes.SURVEY_RESPONSES,
                e -> new String(e.data()).contains(responseId), Duration.ofSeconds(10));
        assertFalse(new String(event.data()).contains("Sam"), "no contact details in events");
    }

    @Test
    void onlyWhatEachQuestionAsksIsKept() {
        String surveyId = openSmallSurvey(newOwner());
        Map<String, Object> answers = validAnswers();
        answers.put("rank", Map.of("ranking", List.of("living", "starting", "ageing"), "text", "my phone number"));
        answers.put("agree", Map.of("choice", "yes", "consent", true));
        submit(website(), surveyId, Map.of("answers", answers)).statusCode(201);
        String stored = storedAnswers(surveyId);
        assertFalse(stored.contains("my phone number"), stored);
        assertFalse(stored.contains("consent"), "consent is kept only where it is asked: " + stored);
    }

    @Test
    void aRetryReturnsTheFirstReceiptAndAReusedKeyWithAnotherBodyIsAConflict() {
        String surveyId = openSmallSurvey(newOwner());
        String bearer = website();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("answers", validAnswers());
        String first = submitWithKey(bearer, surveyId, key, body).statusCode(201).extract().path("responseId");
        submitWithKey(bearer, surveyId, key, body).statusCode(201).body("responseId", equalTo(first));

        Map<String, Object> other = validAnswers();
        other.put("comments", Map.of("text", "Something else"));
        submitWithKey(bearer, surveyId, key, Map.of("answers", other)).statusCode(409);
        assertEquals(1, storedResponses(surveyId));
    }

    /**
     * A client that times out and resends at once: the copies race, the first holds the key, and each other one
     * waits for it and gets its receipt. One response is stored, however the copies interleave.
     */
    @Test
    void copiesOfOneRequestSentAtOnceStoreOneResponse() throws Exception {
        String surveyId = openSmallSurvey(newOwner());
        String bearer = website();
        String key = UUID.randomUUID().toString();
        Set<String> responseIds = receiptsOfCopiesSentAtOnce(8, bearer, surveyId, key,
                Map.of("answers", validAnswers()));
        assertEquals(1, responseIds.size(), "every copy gets the one receipt: " + responseIds);
        assertEquals(1, storedResponses(surveyId));
    }

    /** The receipts of copies of one request, each sent by its own client at the same moment. */
    static Set<String> receiptsOfCopiesSentAtOnce(int copies, String bearer, String surveyId, String key, Object body)
            throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(copies);
        try {
            List<Future<String>> receipts = new ArrayList<>();
            for (int copy = 0; copy < copies; copy++) {
                receipts.add(clients.submit(() -> {
                    go.await();
                    return submitWithKey(bearer, surveyId, key, body).statusCode(201).extract()
                            .<String>path("responseId");
                }));
            }
            go.countDown();
            Set<String> responseIds = new HashSet<>();
            for (Future<String> receipt : receipts) {
                responseIds.add(receipt.get(30, TimeUnit.SECONDS));
            }
            return responseIds;
        } finally {
            clients.shutdownNow();
        }
    }

    /**
     * A retry is answered from what the first request stored, even after the survey closed; a new key meets the
     * closure, and nothing of the refused request is kept.
     */
    @Test
    void aRetryAfterTheSurveyClosedStillGetsItsReceipt() {
        Owner owner = newOwner();
        String surveyId = openSmallSurvey(owner);
        String bearer = website();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("answers", validAnswers());
        String first = submitWithKey(bearer, surveyId, key, body).statusCode(201).extract().path("responseId");
        String etag = given().header("Authorization", owner.bearer()).when().get("/api/v1/surveys/" + surveyId)
                .then().extract().header("ETag");
        given().header("Authorization", owner.bearer()).header("If-Match", etag)
                .when().post("/api/v1/surveys/" + surveyId + "/close").then().statusCode(200);

        submitWithKey(bearer, surveyId, key, body).statusCode(201)
                .body("responseId", equalTo(first)).body("erasureToken", nullValue());
        String another = UUID.randomUUID().toString();
        for (int attempt = 0; attempt < 2; attempt++) {
            submitWithKey(bearer, surveyId, another, body)
                    .statusCode(409).body("type", equalTo("https://chorus.example/problems/survey-closed"));
        }
        assertEquals(1, storedResponses(surveyId));
    }

    @Test
    void responsesAreRefusedBeforeOpeningAndAfterClosing() {
        Owner owner = newOwner();
        Map<String, Object> later = smallSurvey();
        later.put("opensAt", Instant.now().plusSeconds(3600).toString());
        String notYet = createDraft(owner, later);
        publish(owner, notYet);
        submit(website(), notYet, Map.of("answers", validAnswers()))
                .statusCode(409).body("type", equalTo("https://chorus.example/problems/survey-not-open"));

        String surveyId = openSmallSurvey(owner);
        String etag = given().header("Authorization", owner.bearer()).when().get("/api/v1/surveys/" + surveyId)
                .then().extract().header("ETag");
        given().header("Authorization", owner.bearer()).header("If-Match", etag)
                .when().post("/api/v1/surveys/" + surveyId + "/close").then().statusCode(200);
        submit(website(), surveyId, Map.of("answers", validAnswers()))
                .statusCode(409).body("type", equalTo("https://chorus.example/problems/survey-closed"));
        assertEquals(0, storedResponses(surveyId));
    }

    @Test
    void staffEnterPhoneResponsesSayingWhoEnteredThemAndWebsitesCannotClaimOtherChannels() {
        Owner owner = newOwner();
        String surveyId = openSmallSurvey(owner);
        submit(owner.bearer(), surveyId, Map.of("channel", "PHONE", "enteredBy", "Comms team - JB",
                "answers", validAnswers())).statusCode(201);
        submit(owner.bearer(), surveyId, Map.of("answers", validAnswers()))
                .statusCode(422).body("errors[0].pointer", equalTo("/channel"));
        submit(owner.bearer(), surveyId, Map.of("channel", "PAPER", "answers", validAnswers()))
                .statusCode(422).body("errors[0].pointer", equalTo("/enteredBy"));
        submit(website(), surveyId, Map.of("channel", "PHONE", "answers", validAnswers()))
                .statusCode(422).body("errors[0].pointer", equalTo("/channel"));
        submit(website(), surveyId, Map.of("channel", "CARRIER_PIGEON", "answers", validAnswers())).statusCode(400);
    }

    @Test
    void theReceiptTokenErasesTheResponseOnceAndAnnouncesIt() {
        String surveyId = openSmallSurvey(newOwner());
        var receipt = submit(website(), surveyId, Map.of("answers", validAnswers())).statusCode(201).extract();
        String responseId = receipt.path("responseId");
        String token = receipt.path("erasureToken");

        given().header("Authorization", website()).header("Erasure-Token", "ert_guess")
                .when().delete("/api/v1/responses/" + responseId).then().statusCode(404);
        assertEquals(1, storedResponses(surveyId));
        given().header("Authorization", website()).header("Erasure-Token", token)
                .when().delete("/api/v1/responses/" + responseId).then().statusCode(204);
        given().header("Authorization", website()).header("Erasure-Token", token)
                .when().delete("/api/v1/responses/" + responseId).then().statusCode(404);
        assertEquals(0, storedResponses(surveyId));

        EventProbe.await(ChorusEventTypes.SURVEY_RESPONSES, e -> e.type().equals(ChorusEventTypes.RESPONSE_ERASED.type())
                && new String(e.data()).contains(responseId), Duration.ofSeconds(10));
        // The erasure is in the system's audit log, once: the wrong token and the repeat erased nothing.
        var audited = EventProbe.awaitAll(ChorusEventTypes.AUDIT_ENTRIES,
                e -> new String(e.data()).contains("\"response.erased\"") && new String(e.data()).contains(responseId),
                1, Duration.ofSeconds(10));
        assertEquals(1, audited.size());
    }

    private String column(String expression, String responseId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT " + expression + " FROM response WHERE id = ?")) {
            select.setObject(1, UUID.fromString(responseId));
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String storedAnswers(String surveyId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT string_agg(answers::text, ',') FROM response WHERE survey_id = ?")) {
            select.setObject(1, UUID.fromString(surveyId));
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static ValidatableResponse submitWithKey(String bearer, String surveyId, String key, Object body) {
        return given().header("Authorization", bearer).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).when().post("/api/v1/surveys/" + surveyId + "/responses").then();
    }

    private long storedResponses(String surveyId) {
        return storedResponses(dataSource, surveyId);
    }

    static long storedResponses(DataSource dataSource, String surveyId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM response WHERE survey_id = ?")) {
            count.setObject(1, UUID.fromString(surveyId));
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
