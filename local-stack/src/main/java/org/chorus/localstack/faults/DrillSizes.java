package org.chorus.localstack.faults;

import java.time.Duration;

import org.chorus.localstack.ChorusService;
import org.chorus.localstack.StackSettings;

/**
 * How big the drills are: short ones for CI, the full sizes for the bench. Each can be overridden by a system
 * property, e.g. {@code -Dchorus.faults.responses=5000}.
 *
 * @param responses submissions per drill under a fault
 * @param clients callers submitting at once
 * @param outage how long a fault lasts once in effect
 * @param steadyRequests requests of the steady drill, reads and submissions mixed
 * @param steadyRate the steady drill's requests per second
 * @param catchUpLimit how long the effects may take to arrive after the last answer
 * @param replicas processes each of the survey and insight services run as
 */
public record DrillSizes(int responses, int clients, Duration outage, int steadyRequests, int steadyRate,
        Duration catchUpLimit, int replicas) {

    private static final String PREFIX = "chorus.faults.";

    /**
     * A few hundred responses per drill, outages of a few seconds and two replicas: the whole suite well within
     * CI's budget.
     */
    public static DrillSizes ci() {
        return new DrillSizes(300, 16, Duration.ofSeconds(3), 600, 100, Duration.ofSeconds(90), 2).overridden();
    }

    /** The sizes: 5,000 responses at 16 clients, 30 s outages, 20,000 steady requests, two replicas. */
    public static DrillSizes full() {
        return new DrillSizes(5_000, 16, Duration.ofSeconds(30), 20_000, 200, Duration.ofSeconds(300), 2).overridden();
    }

    /**
     * The stack the drills are meant for: these replicas of the survey and insight services, so that every drill
     * also shows that replicas neither lose nor double anything.
     */
    public StackSettings applyTo(StackSettings settings) {
        return settings.withReplicas(ChorusService.SURVEY, replicas).withReplicas(ChorusService.INSIGHT, replicas);
    }

    /** These sizes with whatever chorus.faults.* system properties say instead. */
    private DrillSizes overridden() {
        return new DrillSizes(property("responses", responses), property("clients", clients),
                Duration.ofSeconds(property("outage-seconds", (int) outage.toSeconds())),
                property("steady-requests", steadyRequests), property("steady-rate", steadyRate),
                Duration.ofSeconds(property("catch-up-seconds", (int) catchUpLimit.toSeconds())),
                property("replicas", replicas));
    }

    private static int property(String name, int fallback) {
        return Integer.getInteger(PREFIX + name, fallback);
    }
}
