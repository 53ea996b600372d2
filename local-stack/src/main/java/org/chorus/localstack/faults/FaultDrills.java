package org.chorus.localstack.faults;

import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.chorus.localstack.RunningStack;

/**
 * The fault drills of issue 9, shared by the e2e fault suite (short sizes) and the fault bench (full sizes): each
 * runs against a stack of its own survey, then waits until everything acknowledged has arrived everywhere it must and
 * counts it all.
 */
public final class FaultDrills {

    private static final Duration POLL = Duration.ofMillis(200);

    private final RunningStack stack;
    private final DrillTenant tenant;
    private final DrillSizes sizes;
    private final EffectProbe probe;

    public FaultDrills(RunningStack stack, DrillTenant tenant, DrillSizes sizes) {
        this.stack = stack;
        this.tenant = tenant;
        this.sizes = sizes;
        this.probe = new EffectProbe(stack, tenant.staff());
    }

    public DrillSizes sizes() {
        return sizes;
    }

    /** The sizes' responses at their clients, with the fault striking in the middle and put right an outage later. */
    public DrillResult underFault(Fault fault) throws InterruptedException {
        DrillSurvey survey = DrillSurvey.open(tenant.staff(), "Fault drill: " + fault.label());
        long reachBefore = probe.reach();
        CallerCounts counts = new StreamUnderFault(stack, tenant.staff(), survey, fault, sizes.outage(),
                sizes.responses()).run(sizes.clients());
        return settle(fault.label(), survey, counts, reachBefore);
    }

    /** The sizes' steady requests, a fifth of them submissions, with nothing wrong. */
    public DrillResult steadyRequests() throws InterruptedException {
        DrillSurvey survey = DrillSurvey.open(tenant.staff(), "Fault drill: steady requests");
        long reachBefore = probe.reach();
        CallerCounts counts = new SteadyRequests(tenant.staff(), survey, tenant.organisationId())
                .run(sizes.steadyRequests(), sizes.steadyRate());
        return settle("steady requests", survey, counts, reachBefore);
    }

    private DrillResult settle(String name, DrillSurvey survey, CallerCounts counts, long reachBefore) {
        Set<UUID> acknowledged = counts.acknowledged();
        Optional<Duration> catchUp = awaitCaughtUp(survey, acknowledged, reachBefore);
        Set<UUID> stored = probe.inSurveyDatabase(survey.id());
        Set<UUID> delivered = probe.inInsight(survey.id());
        EffectProbe.Tally tally = probe.results(survey);
        return new DrillResult(name, counts.submissions(), acknowledged.size(), counts.reads(), counts.unavailable(),
                counts.serverErrors(), counts.otherAnswers(), stored.size(), missing(acknowledged, stored),
                missing(stored, acknowledged), delivered.size(), missing(acknowledged, delivered),
                missing(delivered, acknowledged), probe.reach() - reachBefore, tally.counted(), tally.notYetCounted(),
                catchUp);
    }

    /** How long until insight, reach and the results count every acknowledged response; empty if they never do. */
    private Optional<Duration> awaitCaughtUp(DrillSurvey survey, Set<UUID> acknowledged, long reachBefore) {
        long start = System.nanoTime();
        try {
            Awaitility.await().atMost(sizes.catchUpLimit()).pollInterval(POLL).ignoreExceptions()
                    .until(() -> probe.inInsight(survey.id()).containsAll(acknowledged)
                            && probe.reach() - reachBefore >= acknowledged.size()
                            && countedAll(probe.results(survey), acknowledged.size()));
            return Optional.of(Duration.ofNanos(System.nanoTime() - start));
        } catch (ConditionTimeoutException e) {
            return Optional.empty();
        }
    }

    private static boolean countedAll(EffectProbe.Tally tally, int acknowledged) {
        return tally.notYetCounted() == 0 && tally.counted() >= acknowledged;
    }

    /** How many of {@code these} are not among {@code those}. */
    private static int missing(Set<UUID> these, Set<UUID> those) {
        Set<UUID> left = new HashSet<>(these);
        left.removeAll(those);
        return left.size();
    }
}
