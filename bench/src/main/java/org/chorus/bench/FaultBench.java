package org.chorus.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.chorus.localstack.LocalStack;
import org.chorus.localstack.RunningStack;
import org.chorus.localstack.StackSettings;
import org.chorus.localstack.ThrowawayHomes;
import org.chorus.localstack.faults.DrillResult;
import org.chorus.localstack.faults.DrillSizes;
import org.chorus.localstack.faults.DrillTenant;
import org.chorus.localstack.faults.Fault;
import org.chorus.localstack.faults.FaultDrills;

/**
 * Issue 9's fault drills at full size on one durable stack with two replicas each of the survey and insight
 * services, the same drills the e2e fault suite runs short, then event propagation at a steady rate. Prints one
 * table. Arguments override the sizes as {@code name=value}, e.g. {@code responses=1000 outage-seconds=10
 * propagation-seconds=30 propagation-rate=50} (see DrillSizes for the other names); {@code drills=none} measures
 * only the propagation.
 */
public final class FaultBench {

    private FaultBench() {
    }

    public static void main(String[] args) {
        for (String word : String.join(" ", args).trim().split("\\s+")) {
            if (word.contains("=")) {
                System.setProperty("chorus.faults." + word.substring(0, word.indexOf('=')),
                        word.substring(word.indexOf('=') + 1));
            }
        }
        DrillSizes sizes = DrillSizes.full();
        Duration propagation = Duration.ofSeconds(Integer.getInteger("chorus.faults.propagation-seconds", 60));
        // The rate; a lower one shows what the events' path itself adds when the stack is not saturated.
        int propagationRate = Integer.getInteger("chorus.faults.propagation-rate", 200);
        boolean drilled = !"none".equals(System.getProperty("chorus.faults.drills"));
        List<DrillResult> drills = new ArrayList<>();
        EventPropagation.Result propagated = null;
        int status = 0;
        RunningStack stack = null;
        try {
            Path home = ThrowawayHomes.create("chorus-fault-bench-");
            System.out.println("stack home (data, keys, logs): " + home + "\n" + sizes);
            stack = LocalStack.start(sizes.applyTo(StackSettings.forBenches(home)));
            DrillTenant tenant = DrillTenant.register(stack);
            if (drilled) {
                status = drill(new FaultDrills(stack, tenant, sizes), sizes, drills);
            }
            warmUp(stack, home, tenant, propagationRate, drilled);
            System.out.printf("event propagation: %d responses/s for %d s%n", propagationRate,
                    propagation.toSeconds());
            propagated = new EventPropagation(stack, home, tenant).run(propagationRate, propagation);
        } catch (Exception | Error e) {
            e.printStackTrace();
            status = 1;
        } finally {
            if (stack != null) {
                stack.close();
            }
        }
        FaultReport.print(sizes, drills, propagated);
        System.exit(status);
    }

    /**
     * A stack just started runs its first seconds on interpreted and half-compiled code, which says how fast the JIT
     * compiles on two busy cores, not how fast events travel. After the drills the stack is warm already; without them
     * the same rate runs for {@code propagation-warmup-seconds} (15 by default) first, and its figures are printed
     * apart, not counted.
     */
    private static void warmUp(RunningStack stack, Path home, DrillTenant tenant, int rate, boolean drilled) throws Exception {
        int seconds = Integer.getInteger("chorus.faults.propagation-warmup-seconds", drilled ? 0 : 15);
        if (seconds <= 0) {
            return;
        }
        System.out.printf("warm-up: %d responses/s for %d s, not counted%n", rate, seconds);
        EventPropagation.Result warm = new EventPropagation(stack, home, tenant).run(rate, Duration.ofSeconds(seconds));
        System.out.printf("warm-up: p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                warm.latencyMicros().getValueAtPercentile(50) / 1000.0,
                warm.latencyMicros().getValueAtPercentile(99) / 1000.0, warm.latencyMicros().getMaxValue() / 1000.0);
    }

    /**
     * Every fault the stack has replicas for, then the steady requests, each added to {@code drills} as it ends. A drill
     * that cannot finish (a stack that cannot take the steady rate) is reported and the bench goes on, so that the
     * drills before it and the propagation are still printed.
     *
     * @return the exit status so far: 1 once a drill did not finish
     */
    private static int drill(FaultDrills faults, DrillSizes sizes, List<DrillResult> drills) throws Exception {
        for (Fault fault : Fault.values()) {
            if (fault.replicasNeeded() > sizes.replicas()) {
                System.out.println("drill: " + fault.label() + " left out: it needs " + fault.replicasNeeded()
                        + " replicas");
                continue;
            }
            System.out.println("drill: " + fault.label());
            drills.add(faults.underFault(fault));
        }
        System.out.println("drill: steady requests");
        try {
            drills.add(faults.steadyRequests());
            return 0;
        } catch (IllegalStateException e) {
            System.out.println("drill: steady requests DID NOT FINISH: " + e.getMessage());
            return 1;
        }
    }
}
