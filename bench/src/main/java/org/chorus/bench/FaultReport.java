package org.chorus.bench;

import java.util.List;

import org.HdrHistogram.Histogram;
import org.chorus.localstack.faults.DrillResult;
import org.chorus.localstack.faults.DrillSizes;

/** The fault bench's one table, printed at the end, also after a failure with the rows there are. */
final class FaultReport {

    private static final String ROW = "  %-24s %9s %12s %9s %10s %10s %6s %6s %9s%n";

    private FaultReport() {
    }

    static void print(DrillSizes sizes, List<DrillResult> drills, EventPropagation.Result propagated) {
        System.out.println();
        System.out.printf("Fault drills (%d survey and %d insight replicas, topics of 3 partitions, %d cores shared "
                + "with whatever else runs here; %d responses at %d clients, outages of %d s)%n", sizes.replicas(),
                sizes.replicas(), Runtime.getRuntime().availableProcessors(), sizes.responses(), sizes.clients(),
                sizes.outage().toSeconds());
        System.out.printf(ROW, "case", "submitted", "acknowledged", "in the db", "delivered", "duplicates",
                "5xx", "503", "catch-up");
        for (DrillResult r : drills) {
            System.out.printf(ROW, r.name(), r.submitted() + r.reads(), r.acknowledged(), r.inDatabase(),
                    r.delivered(), r.duplicatesInEffect(), r.serverErrors(), r.unavailable(),
                    r.catchUp().map(d -> String.format("%.1f s", d.toMillis() / 1000.0)).orElse("never"));
            if (!r.otherAnswers().isEmpty() || r.lost() > 0) {
                System.out.println("      NOT KEPT: lost " + r.lost() + ", other answers " + r.otherAnswers()
                        + "; " + r);
            }
        }
        System.out.println("  (submitted counts every request of the steady drill, reads included; delivered: "
                + "responses insight holds, which reach counts; catch-up: from the last answer until reach and the "
                + "results count every acknowledged response)");
        if (propagated != null) {
            Histogram h = propagated.latencyMicros();
            System.out.printf("  event propagation at %d responses/s, 201 to visible in insight: p50 %.0f ms, "
                    + "p99 %.0f ms, max %.0f ms over %,d responses (failed: %s, never arrived: %d) (target p99 < "
                    + "500 ms)%n", propagated.perSecond(), ms(h, 50), ms(h, 99), h.getMaxValue() / 1000.0,
                    propagated.acknowledged(), propagated.failed(), propagated.missing());
            Histogram relay = propagated.stages().waitingForRelay();
            Histogram broker = propagated.stages().brokerToInsight();
            System.out.printf("    of which: outbox to the broker's acknowledgement p50 %.0f ms, p99 %.0f ms; from "
                    + "then to insight applying it p50 %.0f ms, p99 %.0f ms (database clocks)%n", ms(relay, 50), ms(relay, 99),
                    ms(broker, 50), ms(broker, 99));
            System.out.println("    processor ms per response: " + propagated.cpuPerResponse());
        }
    }

    private static double ms(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }
}
