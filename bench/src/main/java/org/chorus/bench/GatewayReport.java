package org.chorus.bench;

import java.util.ArrayList;
import java.util.List;

import org.HdrHistogram.Histogram;

/** The gateway benchmark's figures, gathered as they come and printed together at the end, also after a failure. */
final class GatewayReport {

    /**
     * One client count: the gateway's submissions, pgbench's inserts (null without pgbench), and per response the
     * rows written, the statements and transactions run, and the CPU milliseconds spent by each part.
     */
    record Ingest(SubmissionLoad.Result gateway, PgBench.Result pgbench, String writes, String statements,
            String cpu) {
    }

    private String durability;
    private OverheadBench.Result overhead;
    private String idle;
    private final List<Ingest> ingest = new ArrayList<>();

    void durability(String settings) {
        this.durability = settings;
    }

    void idle(String cpuPerSecond) {
        this.idle = cpuPerSecond;
    }

    void overhead(OverheadBench.Result result) {
        this.overhead = result;
    }

    void ingest(Ingest figures) {
        ingest.add(figures);
    }

    void print() {
        System.out.println();
        System.out.printf("Gateway benchmark (one durable stack on %d cores shared with whatever else runs here)%n",
                Runtime.getRuntime().availableProcessors());
        if (durability != null) {
            System.out.println("  PostgreSQL: " + durability);
        }
        if (overhead != null) {
            printOverhead(overhead);
        }
        if (idle != null) {
            System.out.println("  idle, no requests: CPU ms per second: " + idle);
        }
        ingest.forEach(GatewayReport::printIngest);
        if (!ingest.isEmpty() && ingest.get(0).pgbench() == null) {
            System.out.println("  " + PgBench.INSTALL_HINT);
        }
    }

    private static void printIngest(Ingest i) {
        SubmissionLoad.Result g = i.gateway();
        Histogram latency = g.latencyMicros();
        System.out.printf("  ingest, %d clients: %,.0f responses/s through the gateway (%,d accepted in %.1f s, "
                + "%,d errors%s)%n", g.clients(), g.perSecond(), g.accepted(), g.seconds(), g.errorCount(),
                g.errorCount() == 0 ? "" : " " + g.errors() + "; first: " + shorten(g.firstError()));
        System.out.printf("      submission latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                ms(latency, 50), ms(latency, 99), latency.getMaxValue() / 1000.0);
        PgBench.Result p = i.pgbench();
        if (p != null) {
            System.out.printf("      pgbench, same rows and durability: %,.0f inserts/s (%d failed)%n", p.tps(),
                    p.failed());
            System.out.printf("      gateway / pgbench = %.2f (target >= 0.2; ODK Central 0.04)%n", g.perSecond() / p.tps());
        }
        System.out.println("      rows written per response: " + i.writes());
        System.out.println("      statements / transactions per response: " + i.statements());
        System.out.println("      CPU ms per response while submitting: " + i.cpu());
    }

    private static void printOverhead(OverheadBench.Result o) {
        Histogram g = o.gatewayMicros();
        Histogram d = o.directMicros();
        System.out.printf("  GET of the open survey (%,d bytes), %,d sequential calls each way, interleaved:%n",
                o.bodyBytes(), g.getTotalCount());
        System.out.printf("      through the gateway: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms%n", ms(g, 50), ms(g, 90),
                ms(g, 99));
        System.out.printf("      survey service directly: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms%n", ms(d, 50),
                ms(d, 90), ms(d, 99));
        System.out.printf("      gateway overhead at p50: %.2f ms (target < 1 ms)%n", ms(g, 50) - ms(d, 50));
    }

    private static double ms(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    private static String shorten(String text) {
        return text == null || text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
