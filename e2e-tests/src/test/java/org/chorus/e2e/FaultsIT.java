package org.chorus.e2e;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.chorus.localstack.ChorusService;
import org.chorus.localstack.LocalStack;
import org.chorus.localstack.RunningStack;
import org.chorus.localstack.ServiceReplica;
import org.chorus.localstack.StackSettings;
import org.chorus.localstack.ThrowawayHomes;
import org.chorus.localstack.faults.DrillResult;
import org.chorus.localstack.faults.DrillSizes;
import org.chorus.localstack.faults.DrillTenant;
import org.chorus.localstack.faults.Fault;
import org.chorus.localstack.faults.FaultDrills;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Nothing a caller was told is accepted is lost or counted twice, whatever fails: the short sizes of issue 9's fault
 * drills, on a stack of their own with two replicas each of the survey and insight services (topics of three
 * partitions), which the bench runs at full size. Sizes come from chorus.faults.* system properties.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {

    private static final String RESPONSES_ROUTE = "/api/v1/surveys/{surveyId}/responses";
    private static RunningStack stack;
    private static FaultDrills drills;

    @BeforeAll
    static void startTwoReplicaStack() throws Exception {
        DrillSizes sizes = DrillSizes.ci();
        stack = LocalStack.start(sizes.applyTo(StackSettings.forTests(ThrowawayHomes.create("chorus-faults-"))));
        drills = new FaultDrills(stack, DrillTenant.register(stack), sizes);
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void kafkaKilledMidStreamLosesNothingAndReachCountsEachResponseOnce() throws Exception {
        DrillResult result = drills.underFault(Fault.KAFKA_KILLED);

        assertKeptAndCountedExactlyOnce(result);
        assertEquals(0, result.serverErrors(), "a broker outage never fails a caller's request: " + result);
    }

    @Test
    @Order(2)
    void postgresRestartedMidStreamAnswersOnly201Or503AndRetriesStoreEachSubmissionOnce() throws Exception {
        DrillResult result = drills.underFault(Fault.POSTGRES_RESTARTED);

        assertKeptAndCountedExactlyOnce(result);
        assertEquals(result.unavailable(), result.serverErrors(), "every 5xx was a 503 with Retry-After: " + result);
    }

    @Test
    @Order(3)
    void insightKilledMidStreamCatchesUpExactly() throws Exception {
        assertEachInsightReplicaConsumesResponses();

        DrillResult result = drills.underFault(Fault.INSIGHT_KILLED);

        assertKeptAndCountedExactlyOnce(result);
        assertEquals(0, result.serverErrors(), "submissions never wait for insight: " + result);
        assertEachInsightReplicaConsumesResponses();
    }

    @Test
    @Order(4)
    void aCrashedSurveyReplicasWorkIsPublishedAndCountedByTheOtherOnce() throws Exception {
        DrillResult result = drills.underFault(Fault.SURVEY_REPLICA_KILLED);

        assertKeptAndCountedExactlyOnce(result);
        assertEquals(result.unavailable(), result.serverErrors(), "every 5xx was a 503 with Retry-After: " + result);
        for (ServiceReplica replica : stack.replicas(ChorusService.SURVEY)) {
            assertTrue(Replicas.requestsServed(stack, replica, "POST", RESPONSES_ROUTE) > 0,
                    "the gateway sends submissions to " + replica + " too, also once it is back");
        }
    }

    @Test
    @Order(5)
    void steadyOrdinaryRequestsSeeNo5xxAndEverySurveyReplicaPublishes() throws Exception {
        Instant start = Instant.now();

        DrillResult result = drills.steadyRequests();

        assertKeptAndCountedExactlyOnce(result);
        assertAll("steady requests: " + result,
                () -> assertEquals(0, result.serverErrors(), "5xx answers"),
                () -> assertEquals(drills.sizes().steadyRequests(), result.submitted() + result.reads(),
                        "requests made"));
        assertEquals(stack.replicas(ChorusService.SURVEY).size(),
                Replicas.producersSince(stack, "survey.responses", start).size(),
                "each survey replica's outbox relay published responses, with its own producer");
    }

    /**
     * Every submission ends acknowledged; every acknowledged response is in the survey database once, reaches
     * insight once, is counted by reach once and by the survey's results once; callers saw nothing but 201, 200 and
     * 503 with Retry-After.
     */
    private static void assertKeptAndCountedExactlyOnce(DrillResult r) {
        System.out.println("fault drill: " + r);
        assertAll(r.name() + ": " + r,
                () -> assertEquals(Map.of(), r.otherAnswers(), "answers other than 201, 200 and 503 + Retry-After"),
                () -> assertEquals(r.submitted(), r.acknowledged(), "submissions acknowledged"),
                () -> assertEquals(r.acknowledged(), r.inDatabase(), "rows in the survey database"),
                () -> assertEquals(0, r.missingFromDatabase(), "acknowledged but not stored"),
                () -> assertEquals(0, r.unacknowledgedInDatabase(), "stored but never acknowledged"),
                () -> assertEquals(r.acknowledged(), r.delivered(), "responses insight holds"),
                () -> assertEquals(0, r.missingFromInsight(), "acknowledged but never delivered to insight"),
                () -> assertEquals(r.acknowledged(), r.reachCounted(), "responses reach counted"),
                () -> assertEquals(r.inDatabase(), r.tallied(), "responses the results count"),
                () -> assertEquals(0, r.notYetCounted(), "responses the results have not counted yet"),
                () -> assertTrue(r.catchUp().isPresent(), "caught up within " + drills.sizes().catchUpLimit()));
    }

    /** Both insight replicas are in the service's consumer group, each with partitions of survey.responses. */
    private static void assertEachInsightReplicaConsumesResponses() {
        Awaitility.await("two insight consumers sharing survey.responses").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> {
                    Map<String, List<Integer>> members = Replicas.partitionsByMember(stack, "insight-service",
                            "survey.responses");
                    return members.size() == stack.replicas(ChorusService.INSIGHT).size()
                            && members.values().stream().noneMatch(List::isEmpty);
                });
    }
}
