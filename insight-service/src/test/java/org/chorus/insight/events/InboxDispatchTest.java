package org.chorus.insight.events;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.chorus.insight.support.SurveyEvents;
import org.chorus.platform.events.ChorusEvent;
import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.events.contract.ResponseData;
import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.platform.testing.ManagementPort;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The service's inbox consumer with two handlers of one event type: both apply each event once, a redelivery applies
 * nothing, and an event of a type nothing here handles is skipped and counted rather than parked as a dead letter.
 */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class InboxDispatchTest {

    @Inject
    ResponseEventsWitness witness;

    @Inject
    EntityManager entityManager;

    @Test
    void twoHandlersOfOneTypeEachApplyAnEventOnceAndUnknownTypesAreSkippedAndCounted() throws Exception {
        double skippedBefore = skipped();
        UUID responseId = UUID.randomUUID();
        ChorusEvent submitted = event(ChorusEventTypes.RESPONSE_SUBMITTED.type(), responseId);
        ChorusEvent unknown = event("chorus.survey.ResponseTranslated.v9", UUID.randomUUID());
        SurveyEvents.sendOneByOne("inbox-dispatch-test", List.of(submitted, unknown, submitted));

        await().atMost(Duration.ofSeconds(30)).until(() -> skipped() >= skippedBefore + 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> witness.timesSeen(submitted.id()) >= 1);
        assertEquals(1, responsesCounted(responseId), "reach's handler applied it");
        assertEquals(1, witness.timesSeen(submitted.id()), "the second handler too, and the redelivery changed nothing");
        assertEquals(skippedBefore + 1, skipped(), "the unknown type was skipped once");
    }

    @Test
    void anEventThatCannotBeAppliedIsParkedAloneAndTheRestOfItsPollIsAppliedOnce() throws Exception {
        double parkedBefore = deadLettered();
        List<UUID> good = new ArrayList<>();
        List<String> goodEvents = new ArrayList<>();
        UUID unusable = UUID.randomUUID();
        List<ChorusEvent> burst = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            UUID id = UUID.randomUUID();
            ChorusEvent submitted = event(ChorusEventTypes.RESPONSE_SUBMITTED.type(), id);
            good.add(id);
            goodEvents.add(submitted.id());
            burst.add(submitted);
            if (i == 30) {
                burst.add(withoutSubmittedAt(unusable));
            }
        }
        // in one burst, so that they reach the consumer in few polls and the bad one shares a poll
        SurveyEvents.sendInOneBurst("inbox-poll-test", burst);

        await().atMost(Duration.ofSeconds(30)).until(() -> responsesCounted(good) == good.size()
                && deadLettered() > parkedBefore);
        assertEquals(parkedBefore + 1, deadLettered(),
                "only the unusable event was parked");
        assertEquals(good.size(), responsesCounted(good), "every other event of its poll was applied");
        assertEquals(0, responsesCounted(List.of(unusable)));
        assertEquals(good.size(), inboxRows(goodEvents), "each recorded once in the inbox");
    }

    @Test
    void aPollAppliedTogetherEndsAsAppliedOneByOne() throws Exception {
        UUID kept = UUID.randomUUID();
        UUID erased = UUID.randomUUID();
        ChorusEvent keptSubmitted = event(ChorusEventTypes.RESPONSE_SUBMITTED.type(), kept);
        ChorusEvent erasedSubmitted = event(ChorusEventTypes.RESPONSE_SUBMITTED.type(), erased);
        // one burst, so that they share a poll: a submission and its erasure, and an event sent twice
        SurveyEvents.sendInOneBurst("inbox-together-test", List.of(erasedSubmitted, keptSubmitted,
                event(ChorusEventTypes.RESPONSE_ERASED.type(), erased), keptSubmitted));

        await().atMost(Duration.ofSeconds(30)).until(() -> erasedFlag(erased) == Boolean.TRUE
                && witness.timesSeen(keptSubmitted.id()) >= 1);
        assertEquals(Boolean.FALSE, erasedFlag(kept), "the other response is counted");
        assertEquals(1, witness.timesSeen(keptSubmitted.id()), "the event sent twice was applied once");
        assertEquals(1, witness.timesSeen(erasedSubmitted.id()));
        assertEquals(2, inboxRows(List.of(keptSubmitted.id(), erasedSubmitted.id())));
    }

    private Boolean erasedFlag(UUID responseId) {
        return QuarkusTransaction.requiringNew().call(() -> (Boolean) entityManager
                .createNativeQuery("SELECT erased FROM survey_response WHERE response_id = :id")
                .setParameter("id", responseId).getResultStream().findFirst().orElse(null));
    }

    private ChorusEvent withoutSubmittedAt(UUID responseId) throws Exception {
        ResponseData data = new ResponseData(responseId, UUID.randomUUID(), 1, UUID.randomUUID(), null, "blackpool",
                "ONLINE", null);
        return SurveyEvents.event(ChorusEventTypes.RESPONSE_SUBMITTED.type(), responseId, 1, data);
    }

    private long responsesCounted(List<UUID> responseIds) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("SELECT count(*) FROM survey_response WHERE response_id = ANY(:ids)")
                .setParameter("ids", responseIds.toArray(UUID[]::new)).getSingleResult()).longValue());
    }

    private long inboxRows(List<String> eventIds) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("SELECT count(*) FROM inbox_event WHERE event_id = ANY(:ids)")
                .setParameter("ids", eventIds.toArray(String[]::new)).getSingleResult()).longValue());
    }

    private static double skipped() {
        return ManagementPort.metric("chorus_events_skipped_total");
    }

    private static double deadLettered() {
        return ManagementPort.metric("chorus_events_dead_lettered_total",
                "topic=\"" + ChorusEventTypes.SURVEY_RESPONSES + "\"");
    }

    private ChorusEvent event(String type, UUID responseId) throws Exception {
        ResponseData data = new ResponseData(responseId, UUID.randomUUID(), 1, UUID.randomUUID(), null, "blackpool",
                "ONLINE", Instant.parse("2019-06-01T10:00:00Z"));
        return SurveyEvents.event(type, responseId, 1, data);
    }

    private long responsesCounted(UUID responseId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("SELECT count(*) FROM survey_response WHERE response_id = :id")
                .setParameter("id", responseId).getSingleResult()).longValue());
    }

}
