package org.chorus.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The gateway's two performance targets, measured in one run on one durable stack: response ingest through the
 * gateway against pgbench inserting the same rows on the same server, and the latency the gateway adds to a read.
 * Arguments, all optional: seconds per measured phase (default 20), client counts (default 16,32,64, as issue 14
 * asks), requests per side of the overhead comparison (default 10000), and "profile" to sample each service with
 * async-profiler during each measured ingest phase (its stacks go to target/profiles; its cost is in that phase's
 * figures).
 */
public final class GatewayBench {

    /** Warm-up goes in rounds of this, at least the first and at most the last, until the JIT compilers settle. */
    private static final Duration WARM_UP_ROUND = Duration.ofSeconds(10);
    private static final Duration WARM_UP_LEAST = Duration.ofSeconds(30);
    private static final Duration WARM_UP_MOST = Duration.ofSeconds(300);
    /** Compiling below a twentieth of a core counts as settled: what is left is the odd late method, not the path. */
    private static final double SETTLED_COMPILER_MS_PER_SECOND = 50;
    private static final Duration IDLE = Duration.ofSeconds(15);
    private static final Path PROFILES = Path.of("target", "profiles").toAbsolutePath();

    private GatewayBench() {
    }

    record Settings(Duration phase, Duration warmUp, List<Integer> clients, int overheadRequests, boolean profile) {

        /** Also accepts all arguments in one, as exec:exec passes a property: "30 16,32,64 10000". */
        static Settings parse(String[] args) {
            List<String> words = Arrays.stream(String.join(" ", args).trim().split("\\s+"))
                    .filter(w -> !w.isEmpty()).toList();
            int seconds = words.size() > 0 ? Integer.parseInt(words.get(0)) : 20;
            List<Integer> clients = words.size() > 1
                    ? Arrays.stream(words.get(1).split(",")).map(Integer::valueOf).toList()
                    : List.of(16, 32, 64);
            int overhead = words.size() > 2 ? Integer.parseInt(words.get(2)) : 10_000;
            boolean profile = words.size() > 3 && words.get(3).equals("profile");
            return new Settings(Duration.ofSeconds(seconds), Duration.ofSeconds(Math.max(3, seconds / 4)), clients,
                    overhead, profile);
        }
    }

    public static void main(String[] args) {
        Settings settings = Settings.parse(args);
        if (!PgBench.available()) {
            System.out.println(PgBench.INSTALL_HINT + "\nThe gateway's own figures follow without the ratio.");
        }
        GatewayReport report = new GatewayReport();
        int status = 0;
        try (BenchStack bench = BenchStack.start()) {
            report.durability(PgBench.durability(bench.stack()));
            warmUp(bench, settings.clients().get(0));
            // After the warm-up, as the ingest phases: measured first, the reads shared two cores with C2 compiling
            // at 600 ms a second, and the overhead at p50 ranged from 0.4 to 2.2 ms between runs of the same code.
            System.out.println("gateway overhead: " + settings.overheadRequests() + " sequential reads each way");
            report.overhead(OverheadBench.run(bench, settings.overheadRequests()));
            report.idle(idle(bench));
            for (int clients : settings.clients()) {
                report.ingest(ingest(bench, clients, settings));
            }
            bench.discardHomeOnClose();
        } catch (Exception | Error e) {
            e.printStackTrace();
            status = 1;
        }
        report.print();
        System.exit(status);
    }

    /**
     * Submits until the stack's JIT compilers have settled, so that no client count pays for compiling the submission
     * path: on two shared cores C2 worked through it for over a minute, taking most of a core from the first phase.
     */
    private static void warmUp(BenchStack bench, int clients) throws Exception {
        Path home = bench.stack().settings().home();
        System.out.printf("warm-up at %d clients, until the JIT compilers settle (%d to %d s):%n", clients,
                WARM_UP_LEAST.toSeconds(), WARM_UP_MOST.toSeconds());
        Duration spent = Duration.ZERO;
        while (spent.compareTo(WARM_UP_MOST) < 0) {
            CpuShares before = CpuShares.now(home);
            long start = System.nanoTime();
            SubmissionLoad.run(bench, clients, WARM_UP_ROUND);
            Duration round = Duration.ofNanos(System.nanoTime() - start);
            spent = spent.plus(round);
            double compiling = CpuShares.now(home).compilingPerSecondSince(before, round);
            System.out.printf("  %3d s: JIT compilers %.0f ms per second%n", spent.toSeconds(), compiling);
            if (spent.compareTo(WARM_UP_LEAST) >= 0 && compiling < SETTLED_COMPILER_MS_PER_SECOND) {
                return;
            }
        }
    }

    /** What the stack spends per second with no requests at all. */
    private static String idle(BenchStack bench) throws InterruptedException {
        System.out.printf("idle: %d s with no requests%n", IDLE.toSeconds());
        Path home = bench.stack().settings().home();
        CpuShares before = CpuShares.now(home);
        long start = System.nanoTime();
        Thread.sleep(IDLE.toMillis());
        return CpuShares.now(home).perSecondSince(before, Duration.ofNanos(System.nanoTime() - start));
    }

    private static GatewayReport.Ingest ingest(BenchStack bench, int clients, Settings settings) throws Exception {
        System.out.printf("ingest, %d clients: %d s warm-up, %d s measured through the gateway%n", clients,
                settings.warmUp().toSeconds(), settings.phase().toSeconds());
        SubmissionLoad.run(bench, clients, settings.warmUp());
        WriteCounts before = WriteCounts.now(bench.stack());
        StatementCounts statementsBefore = StatementCounts.now(bench.stack());
        Path home = bench.stack().settings().home();
        ServiceProfiles profiles = settings.profile() ? ServiceProfiles.start(PROFILES) : null;
        CpuShares cpuBefore = CpuShares.now(home);
        SubmissionLoad.Result gateway = SubmissionLoad.run(bench, clients, settings.phase());
        String cpu = CpuShares.now(home).perResponseSince(cpuBefore, gateway.accepted());
        if (profiles != null) {
            profiles.stop("ingest-" + clients + "-clients").forEach(line -> System.out.println("  " + line));
        }
        String statements = StatementCounts.now(bench.stack()).perResponseSince(statementsBefore, gateway.accepted());
        PgBench.Result pgbench = null;
        if (PgBench.available()) {
            System.out.printf("ingest, %d clients: pgbench, %d s warm-up, %d s measured%n", clients,
                    settings.warmUp().toSeconds(), settings.phase().toSeconds());
            try (PgBench inserts = PgBench.prepare(bench.stack(), bench.surveyId())) {
                System.out.println("  " + inserts.statement());
                inserts.run(clients, settings.warmUp());
                pgbench = inserts.run(clients, settings.phase());
            }
        }
        return new GatewayReport.Ingest(gateway, pgbench, WriteCounts.now(bench.stack()).perResponseSince(before),
                statements, cpu);
    }
}
