package org.chorus.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.HdrHistogram.Histogram;
import org.chorus.platform.testing.TestInfrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * The survey service at a million responses, in one run: CSV and data package export throughput against PostgreSQL's
 * COPY of the same rows, the service's peak heap while exporting, and the p99 of the results endpoint. Arguments: the
 * number of responses (default 1,000,000; a multiple of the distinct ones submitted through the API), and how many
 * threads keep the machine busy while COPY and the exports are measured (default 0: a quiet machine).
 */
public final class SurveyBench {

    private static final int DISTINCT = 1000;

    private SurveyBench() {
    }

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int busyThreads = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        Path repo = repoRoot();
        TestInfrastructure infrastructure = TestInfrastructure.get();
        Path log = Files.createTempFile("survey-bench-service-", ".log");
        System.out.println("survey-service log: " + log);
        try (SurveyServiceProcess service = SurveyServiceProcess.start(repo, infrastructure, log)) {
            BenchClient client = new BenchClient(service.baseUri(), service.managementUri(),
                    infrastructure.keys().privateKey());
            ArrayNode samples = BenchClient.JSON.createArrayNode();
            String surveyId = client.openSeedSurvey(repo, samples);
            JsonNode definition = BenchClient.JSON.readTree(client.send(
                    client.get("/api/v1/surveys/" + surveyId, client.manager())).body()).path("definition");

            double ingest = LatencyBench.ingest(client, surveyId, definition, DISTINCT, 4);
            long start = System.nanoTime();
            Replicator.multiply(infrastructure.jdbcUrl(), UUID.fromString(surveyId), total / DISTINCT - 1);
            System.out.printf("loaded %,d responses in %.1f s%n", total, (System.nanoTime() - start) / 1e9);

            ExportBench.Figures export;
            DataPackageFigures datapackage;
            try (BusyMachine busy = BusyMachine.start(busyThreads)) {
                export = ExportBench.run(client, infrastructure.jdbcUrl(), UUID.fromString(surveyId), total,
                        service::cpu);
                datapackage = datapackage(client, surveyId);
            }
            Histogram all = LatencyBench.results(client, surveyId, null, 2000);
            Histogram byChannel = LatencyBench.results(client, surveyId, "channel", 2000);
            report(total, busyThreads, ingest, export, all, byChannel);
            System.out.printf("  datapackage export, best of two: %,.0f rows/s (%.1f s, %,d bytes zipped); "
                    + "datapackage / COPY = %.2f (target >= 0.5); service heap peak %,d MB while reading it%n",
                    export.rows() / datapackage.seconds(), datapackage.seconds(), datapackage.bytes(),
                    export.copySeconds() / datapackage.seconds(), datapackage.heapPeak() >> 20);
        }
        System.exit(0);
    }

    private static void report(int total, int busyThreads, double ingest, ExportBench.Figures e, Histogram all,
            Histogram byChannel) {
        double exportRate = e.rows() / e.exportSeconds();
        double copyRate = e.rows() / e.copySeconds();
        System.out.println();
        System.out.printf("Survey service benchmark, %,d responses of the seed survey (fsync off, %d cores shared)%n",
                total, Runtime.getRuntime().availableProcessors());
        System.out.printf("  exports and COPY measured with %d other threads keeping the machine busy%n", busyThreads);
        System.out.printf("  ingest through the API, 4 concurrent websites: %,.0f responses/s (direct, no gateway)%n",
                ingest);
        System.out.printf("  CSV export, best of two:  %,.0f rows/s (%.1f s, %,d bytes; audit log: %s)%n", exportRate,
                e.exportSeconds(), e.exportBytes(), e.audited());
        System.out.printf("  COPY TO STDOUT of the same rows and columns, best of two: %,.0f rows/s (%.1f s, %,d bytes)%n",
                copyRate, e.copySeconds(), e.copyBytes());
        System.out.printf("  export / COPY = %.2f (target >= 0.5)%n", exportRate / copyRate);
        System.out.printf("  service CPU per exported CSV row: %.2f us (all its threads; a busy machine slows the "
                + "export, not this)%n", e.serviceCpuMicrosPerRow());
        System.out.printf("  service heap (%s): %,d MB before export, peak %,d MB during it%n",
                SurveyServiceProcess.HEAP, e.heapBefore() >> 20, e.heapPeak() >> 20);
        System.out.printf("  results p50 %.2f ms, p99 %.2f ms, max %.2f ms (target p99 < 50 ms)%n",
                all.getValueAtPercentile(50) / 1000.0, all.getValueAtPercentile(99) / 1000.0, all.getMaxValue() / 1000.0);
        System.out.printf("  results by channel p50 %.2f ms, p99 %.2f ms%n",
                byChannel.getValueAtPercentile(50) / 1000.0, byChannel.getValueAtPercentile(99) / 1000.0);
    }

    /** The better of two whole data package exports, read and discarded, with the service's heap as it streamed. */
    private static DataPackageFigures datapackage(BenchClient client, String surveyId) throws Exception {
        DataPackageFigures best = null;
        for (int run = 0; run < 2; run++) {
            long start = System.nanoTime();
            var zip = client.stream(client.get("/api/v1/surveys/" + surveyId
                    + "/responses/export?format=datapackage", client.analyst()));
            if (zip.statusCode() != 200) {
                throw new IllegalStateException("datapackage export answered " + zip.statusCode());
            }
            long read = 0;
            long heapPeak = client.heapUsed();
            try (var in = zip.body()) {
                byte[] buffer = new byte[1 << 16];
                for (int n, chunks = 0; (n = in.read(buffer)) > 0; chunks++) {
                    read += n;
                    // every 64 MB or so read: a flat heap shows as the same figure throughout
                    heapPeak = chunks % 1024 == 0 ? Math.max(heapPeak, client.heapUsed()) : heapPeak;
                }
            }
            DataPackageFigures figures = new DataPackageFigures((System.nanoTime() - start) / 1e9, read, heapPeak);
            best = best == null || figures.seconds() < best.seconds() ? figures : best;
        }
        return best;
    }

    /** One data package export: how long it took, how big it was, and the most heap the service used meanwhile. */
    private record DataPackageFigures(double seconds, long bytes, long heapPeak) {
    }

    private static Path repoRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("survey-service"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Run from inside the Chorus checkout");
    }
}
