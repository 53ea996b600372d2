package org.chorus.insight.reach;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.chorus.insight.support.InsightFixtures.activity;
import static org.chorus.insight.support.InsightFixtures.createActivity;
import static org.chorus.insight.support.InsightFixtures.createFinding;
import static org.chorus.insight.support.InsightFixtures.finding;
import static org.chorus.insight.support.InsightFixtures.organisation;
import static org.chorus.insight.support.InsightFixtures.publicWebsite;
import static org.chorus.insight.support.InsightFixtures.reader;
import static org.chorus.insight.support.InsightFixtures.unique;
import static org.chorus.insight.support.InsightFixtures.writer;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.chorus.platform.events.ChorusEvent;
import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.events.EventEnvelope;
import org.chorus.platform.events.EventType;
import org.chorus.platform.events.contract.ResponseData;
import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.platform.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class ReachResourceTest {

    private static final AtomicLong SEQUENCE = new AtomicLong(5_000);

    @Inject
    ObjectMapper objectMapper;

    @Inject
    EntityManager entityManager;

    @Test
    void aSummaryCountsActivitiesThemesAndSurveyResponsesThatArrivedByEventAndShowsWhereNobodyWasHeard()
            throws Exception {
        String heard = unique("blackpool");
        String onlySurveyed = unique("fylde");
        String silent = unique("wyre");
        UUID org = organisation("Healthwatch Blackpool", true, heard, onlySurveyed, silent);
        Map<String, Object> focusGroup = activity("Focus group", heard);
        focusGroup.put("groupsReached", List.of("Young carers", "LGBT+"));
        String focus = createActivity(writer(org), focusGroup);
        Map<String, Object> workshop = activity("Workshop", heard);
        workshop.put("method", "WORKSHOP");
        workshop.put("startDate", "2019-05-01");
        workshop.put("endDate", "2019-05-01");
        workshop.put("participantCount", 10);
        workshop.put("groupsReached", List.of("young carers"));
        createActivity(writer(org), workshop);
        Map<String, Object> earlier = activity("Earlier event", silent);
        earlier.put("startDate", "2018-01-10");
        earlier.put("endDate", "2018-01-10");
        earlier.put("groupsReached", List.of("children in care"));
        createActivity(writer(org), earlier);
        createFinding(writer(org), finding(focus, "Lack of mental health support", List.of("mental-health-support",
                "waiting-times"), List.of()));
        createFinding(writer(org), finding(focus, "Long waits", List.of("waiting-times"), List.of()));

        UUID counted = UUID.randomUUID();
        UUID erased = UUID.randomUUID();
        UUID elsewhere = UUID.randomUUID();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            ChorusEvent submitted = event(ChorusEventTypes.RESPONSE_SUBMITTED, counted, heard, "online");
            publish(producer, submitted);
            publish(producer, submitted);
            ChorusEvent again = event(ChorusEventTypes.RESPONSE_SUBMITTED, counted, heard, "online");
            publish(producer, again);
            publish(producer, event(ChorusEventTypes.RESPONSE_SUBMITTED, erased, heard, "paper"));
            ChorusEvent erasure = event(ChorusEventTypes.RESPONSE_ERASED, erased, heard, "paper");
            publish(producer, erasure);
            ChorusEvent other = event(ChorusEventTypes.RESPONSE_SUBMITTED, elsewhere, onlySurveyed, "phone");
            publish(producer, other);
            // Events of one response share a partition, so once its last event is in the inbox, all before it are.
            awaitProcessed(List.of(again.id(), erasure.id(), other.id()));
        }

        given().header("Authorization", reader()).queryParam("place", heard)
                .queryParam("from", "2019-01-01").queryParam("to", "2019-12-31")
                .when().get("/api/v1/reach")
                .then().statusCode(200)
                .body("activities", equalTo(2)).body("participants", equalTo(24))
                .body("byMethod.method", contains("FOCUS_GROUP", "WORKSHOP"))
                .body("byMethod[0].participants", equalTo(14))
                .body("groupsReached.group", contains("young carers", "lgbt+"))
                .body("groupsReached[0].activities", equalTo(2))
                .body("topThemes.code", contains("waiting-times", "mental-health-support"))
                .body("topThemes[0].findings", equalTo(2))
                .body("surveyResponses", equalTo(1))
                .body("surveyResponsesByChannel[0].channel", equalTo("online"))
                .body("placesWithoutEngagement", hasItem(silent))
                .body("placesWithoutEngagement", not(hasItem(heard)))
                .body("placesWithoutEngagement", not(hasItem(onlySurveyed)))
                .body("groupsWithoutEngagement", hasItem("children in care"))
                .body("groupsWithoutEngagement", not(hasItem("young carers")));

        given().header("Authorization", reader()).queryParam("place", silent)
                .queryParam("from", "2018-01-01").queryParam("to", "2018-12-31")
                .when().get("/api/v1/reach")
                .then().statusCode(200).body("activities", equalTo(1)).body("surveyResponses", equalTo(0))
                .body("placesWithoutEngagement", hasItem(heard));
    }

    @Test
    void aPeriodIsRequiredAndMustRunForwards() {
        given().header("Authorization", reader()).queryParam("from", "2019-01-01")
                .when().get("/api/v1/reach").then().statusCode(400).body("errors[0].parameter", equalTo("to"));
        given().header("Authorization", reader()).queryParam("from", "2019-02-01").queryParam("to", "2019-01-01")
                .when().get("/api/v1/reach").then().statusCode(400).body("errors[0].parameter", equalTo("to"));
        given().header("Authorization", publicWebsite()).queryParam("from", "2019-01-01").queryParam("to", "2019-12-31")
                .when().get("/api/v1/reach").then().statusCode(403);
    }

    /** A period ending after PostgreSQL's last timestamp (294276 AD), though on a date it holds, answered 500. */
    @Test
    void aPeriodEndingAfterTheLastTimestampHoldsEveryResponse() {
        String place = unique("far-future");
        UUID org = organisation("Healthwatch Far Future", true, place);
        createActivity(writer(org), activity("Focus group", place));
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("INSERT INTO survey_response "
                + "(response_id, place_code, channel, submitted_at, erased) VALUES (:id, :place, 'online', "
                + "TIMESTAMPTZ '2019-06-01 10:00:00Z', false)").setParameter("id", UUID.randomUUID())
                .setParameter("place", place).executeUpdate());

        for (String to : List.of("+300000-01-01", "+5874897-12-31")) {
            given().header("Authorization", reader()).queryParam("place", place)
                    .queryParam("from", "2019-01-01").queryParam("to", to)
                    .when().get("/api/v1/reach")
                    .then().statusCode(200).body("activities", equalTo(1)).body("surveyResponses", equalTo(1));
        }
        given().header("Authorization", reader()).queryParam("place", place)
                .queryParam("from", "+300000-01-01").queryParam("to", "+300001-01-01")
                .when().get("/api/v1/reach")
                .then().statusCode(200).body("activities", equalTo(0)).body("surveyResponses", equalTo(0));
    }

    private ChorusEvent event(EventType type, UUID responseId, String place, String channel) throws Exception {
        ResponseData data = new ResponseData(responseId, UUID.randomUUID(), 1, UUID.randomUUID(), null, place, channel,
                Instant.parse("2019-06-01T10:00:00Z"));
        return new ChorusEvent(UUID.randomUUID().toString(), type.type(), "/chorus/survey-service",
                OffsetDateTime.now(), responseId.toString(), SEQUENCE.incrementAndGet(), null,
                objectMapper.writeValueAsBytes(data));
    }

    private static KafkaProducer<String, byte[]> producer() {
        Properties props = new Properties();
        props.put("bootstrap.servers", TestInfrastructure.get().kafkaBootstrapServers());
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    private static void publish(KafkaProducer<String, byte[]> producer, ChorusEvent event) throws Exception {
        producer.send(EventEnvelope.toRecord(ChorusEventTypes.SURVEY_RESPONSES, event)).get();
    }

    private void awaitProcessed(List<String> eventIds) {
        await("the inbox processed " + eventIds).atMost(Duration.ofSeconds(20)).pollInSameThread()
                .pollInterval(Duration.ofMillis(50))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                        .createNativeQuery("SELECT count(*) FROM inbox_event WHERE event_id IN (:ids)")
                        .setParameter("ids", eventIds).getSingleResult()).longValue()), seen -> seen == eventIds.size());
    }
}
