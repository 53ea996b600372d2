package org.chorus.bench;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.postgresql.PGConnection;

/**
 * Export throughput against PostgreSQL's own {@code COPY ... TO STDOUT} of the same rows and columns, and the
 * service's peak heap while exporting.
 */
final class ExportBench {

    private ExportBench() {
    }

    /** @param serviceCpu the service's processor time over both exports, which a busy machine does not inflate */
    record Figures(long rows, double exportSeconds, long exportBytes, double copySeconds, long copyBytes,
            long heapBefore, long heapPeak, String audited, Duration serviceCpu) {

        /** The service's processor microseconds per exported row, on average over both exports. */
        double serviceCpuMicrosPerRow() {
            return serviceCpu.toNanos() / 1000.0 / (2.0 * rows);
        }
    }

    static Figures run(BenchClient client, String jdbcUrl, UUID surveyId, long rows, Supplier<Duration> serviceCpu)
            throws Exception {
        double copySeconds = copy(jdbcUrl, surveyId, new long[1]);
        long[] copyBytes = new long[1];
        copySeconds = Math.min(copySeconds, copy(jdbcUrl, surveyId, copyBytes));
        long heapBefore = client.heapUsed();
        AtomicLong peak = new AtomicLong(heapBefore);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> sample(client, peak, running), "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        // measured as COPY is, the better of two runs, so that neither side pays for warming up alone
        long[] bytes = new long[1];
        Duration cpuBefore = serviceCpu.get();
        double seconds = Math.min(export(client, surveyId, bytes), export(client, surveyId, bytes));
        Duration cpu = serviceCpu.get().minus(cpuBefore);
        running.set(false);
        sampler.join();
        return new Figures(rows, seconds, bytes[0], copySeconds, copyBytes[0], heapBefore, peak.get(), audited(jdbcUrl),
                cpu);
    }

    /** One whole CSV export of the survey, read and discarded; returns seconds and leaves its size in bytes[0]. */
    private static double export(BenchClient client, UUID surveyId, long[] bytes) throws Exception {
        long start = System.nanoTime();
        HttpResponse<InputStream> export = client.stream(client.get(
                "/api/v1/surveys/" + surveyId + "/responses/export?format=csv", client.analyst()));
        if (export.statusCode() != 200) {
            throw new IllegalStateException("export answered " + export.statusCode());
        }
        long read = 0;
        try (InputStream in = export.body()) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0;) {
                read += n;
            }
        }
        bytes[0] = read;
        return (System.nanoTime() - start) / 1e9;
    }

    /** What the service's own audit log says the export sent, to check the export was whole. */
    private static String audited(String jdbcUrl) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "chorus", "chorus");
                var select = connection.createStatement().executeQuery(
                        "SELECT row_count, completed FROM export_audit ORDER BY started_at DESC LIMIT 1")) {
            select.next();
            return select.getLong(1) + " rows, completed " + select.getBoolean(2);
        }
    }

    /** COPY of the columns the export is made from, in the export's order; returns seconds. */
    private static double copy(String jdbcUrl, UUID surveyId, long[] bytes) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "chorus", "chorus")) {
            CountingStream out = new CountingStream();
            long start = System.nanoTime();
            connection.unwrap(PGConnection.class).getCopyAPI().copyOut("""
                    COPY (SELECT id, survey_version, submitted_at, channel, place_code, answers FROM response
                          WHERE survey_id = '%s' ORDER BY submitted_at, id) TO STDOUT WITH (FORMAT csv)"""
                    .formatted(surveyId), out);
            bytes[0] = out.count;
            return (System.nanoTime() - start) / 1e9;
        }
    }

    private static void sample(BenchClient client, AtomicLong peak, AtomicBoolean running) {
        while (running.get()) {
            try {
                peak.accumulateAndGet(client.heapUsed(), Math::max);
                Thread.sleep(50);
            } catch (Exception e) {
                return;
            }
        }
    }

    /** Counts and discards. */
    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
