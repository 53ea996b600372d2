package org.chorus.insight.codedtext;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.chorus.insight.support.InsightFixtures.publicWebsite;
import static org.chorus.insight.support.InsightFixtures.reader;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.chorus.insight.support.SurveyEvents;
import org.chorus.platform.events.ChorusEvent;
import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.events.EventType;
import org.chorus.platform.events.contract.AnswerCodingData;
import org.chorus.platform.events.contract.ResponseData;
import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Coded survey answers count towards the insight themes their categories map to, from real events on the real
 * broker: once per answer however often it is recoded or redelivered, a recode that drops a theme uncounts it, the
 * second coder's reading and an older coding count nothing, an erasure uncounts its response and a coding that
 * arrives after it counts nothing, and small counts are suppressed.
 */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class CodedThemesTest {

    private static final AtomicLong SEQUENCE = new AtomicLong(9_000);
    private static final String QUESTION = "other-feedback";
    private static final String WAITING = "waiting-times";
    private static final String MENTAL_HEALTH = "mental-health-support";
    /** A frame may map a category to a code the taxonomy lacks: survey-service checks only a code's form. */
    private static final String NOT_IN_TAXONOMY = "travel-to-appointments";

    private final UUID surveyId = UUID.randomUUID();

    @Inject
    EntityManager entityManager;

    @Test
    void codedAnswersCountOnceTowardsTheirLatestThemesAndErasureUncountsThem() throws Exception {
        List<UUID> responses = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            responses.add(UUID.randomUUID());
        }
        List<ChorusEvent> events = new ArrayList<>();
        for (UUID response : responses.subList(0, 9)) {
            events.add(coded(response, "FIRST", 1, List.of(WAITING)));
        }
        events.add(events.get(0)); // a redelivery
        events.add(coded(responses.get(0), "FIRST", 2, List.of(WAITING))); // recoded, same theme: still once
        events.add(coded(responses.get(1), "SECOND", 1, List.of(MENTAL_HEALTH))); // the blind second reading
        events.add(coded(responses.get(2), "FIRST", 3, List.of(MENTAL_HEALTH))); // recoded to another theme
        events.add(coded(responses.get(2), "FIRST", 2, List.of(WAITING))); // an older coding, late
        events.add(coded(responses.get(3), "FIRST", 2, List.of(WAITING, MENTAL_HEALTH)));
        events.add(coded(responses.get(3), "FIRST", 3, List.of(MENTAL_HEALTH))); // a recode that drops waiting
        events.add(coded(responses.get(4), "FIRST", 2, List.of())); // recoded as nothing with a theme
        events.add(erased(responses.get(5)));
        events.add(erased(responses.get(9)));
        events.add(coded(responses.get(9), "FIRST", 1, List.of(WAITING))); // a coding behind its erasure
        for (UUID response : responses.subList(5, 9)) {
            events.add(coded(response, "FIRST", 2, List.of(WAITING, NOT_IN_TAXONOMY)));
        }
        SurveyEvents.sendOneByOne("coded-themes-test", events);
        awaitProcessed(events.stream().map(ChorusEvent::id).distinct().toList());

        // waiting: responses 0, 1, 6, 7, 8 (2 and 3 recoded away, 4 recoded as nothing, 5 and 9 erased)
        given().header("Authorization", reader()).queryParam("surveyId", surveyId)
                .when().get("/api/v1/themes/coded-survey-answers").then().statusCode(200)
                .body("items.code", contains(WAITING, MENTAL_HEALTH, NOT_IN_TAXONOMY))
                .body("items.label", contains("Waiting times and referrals", "Mental health support", null))
                .body("items.answers", contains(5, null, null))
                .body("items.suppressed", contains(false, true, true));
        assertEquals(3, answersCounted(NOT_IN_TAXONOMY), "responses 6, 7 and 8: 5 was erased before its coding");
        assertEquals(2, answersCounted(MENTAL_HEALTH), "responses 2 and 3, shown only as suppressed");
        assertEquals(5, answersCounted(WAITING));

        given().header("Authorization", reader()).queryParam("surveyId", UUID.randomUUID())
                .when().get("/api/v1/themes/coded-survey-answers").then().statusCode(200).body("items", empty());
        given().header("Authorization", publicWebsite()).when().get("/api/v1/themes/coded-survey-answers").then()
                .statusCode(403);
    }

    /**
     * Survey A has 9 answers of a theme and survey B 3: B's 3 is hidden, and so is A's 9, since the total over the
     * surveys (12) is shown, and 12 less 9 would be B's 3.
     */
    @Test
    void aSurveysCountIsHiddenWhenTheTotalLessAnotherSurveysWouldGiveAHiddenOneAway() throws Exception {
        String theme = "theme-" + UUID.randomUUID().toString().substring(0, 8);
        UUID surveyA = UUID.randomUUID();
        UUID surveyB = UUID.randomUUID();
        List<ChorusEvent> events = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            events.add(coded(i < 9 ? surveyA : surveyB, UUID.randomUUID(), "FIRST", 1, List.of(theme)));
        }
        SurveyEvents.sendOneByOne("coded-themes-test", events);
        awaitProcessed(events.stream().map(ChorusEvent::id).toList());

        assertEquals(Map.of("answers", 12, "suppressed", false), countOf(theme, null));
        assertEquals(Map.of("suppressed", true), countOf(theme, surveyB), "3 answers");
        assertEquals(Map.of("suppressed", true), countOf(theme, surveyA), "12 less 9 would be survey B's 3");
    }

    /** The theme's count as listed, its answers and whether suppressed, for one survey or (null) every survey. */
    private static Map<String, Object> countOf(String theme, UUID survey) {
        var request = given().header("Authorization", reader());
        if (survey != null) {
            request.queryParam("surveyId", survey);
        }
        Map<String, Object> count = request.when().get("/api/v1/themes/coded-survey-answers").then().statusCode(200)
                .extract().path("items.find { it.code == '" + theme + "' }");
        Map<String, Object> shown = new java.util.HashMap<>();
        if (count.get("answers") != null) {
            shown.put("answers", count.get("answers"));
        }
        shown.put("suppressed", count.get("suppressed"));
        return shown;
    }

    private long answersCounted(String theme) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM coded_survey_answer WHERE survey_id = :survey AND :theme = ANY (theme_codes)")
                .setParameter("survey", surveyId).setParameter("theme", theme).getSingleResult()).longValue());
    }

    private ChorusEvent coded(UUID responseId, String pass, long version, List<String> themes) throws Exception {
        return coded(surveyId, responseId, pass, version, themes);
    }

    private ChorusEvent coded(UUID survey, UUID responseId, String pass, long version, List<String> themes)
            throws Exception {
        return event(ChorusEventTypes.ANSWER_CODED, responseId, new AnswerCodingData(responseId, survey, QUESTION,
                pass, UUID.randomUUID(), 1, themes.stream().map(t -> "category-" + t).toList(), themes, "NEGATIVE",
                false, version, Instant.now()));
    }

    private ChorusEvent erased(UUID responseId) throws Exception {
        return event(ChorusEventTypes.RESPONSE_ERASED, responseId, new ResponseData(responseId, surveyId, 1,
                UUID.randomUUID(), null, null, "ONLINE", Instant.now()));
    }

    private <T> ChorusEvent event(EventType<T> type, UUID responseId, T data) throws Exception {
        return SurveyEvents.event(type.type(), responseId, SEQUENCE.incrementAndGet(), data);
    }

    private void awaitProcessed(List<String> eventIds) {
        await("the inbox processed " + eventIds.size() + " events").atMost(Duration.ofSeconds(30)).pollInSameThread()
                .pollInterval(Duration.ofMillis(50))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                        .createNativeQuery("SELECT count(*) FROM inbox_event WHERE event_id IN (:ids)")
                        .setParameter("ids", eventIds).getSingleResult()).longValue()), seen -> seen == eventIds.size());
    }
}
