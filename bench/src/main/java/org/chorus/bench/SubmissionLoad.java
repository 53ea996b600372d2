package org.chorus.bench;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.HdrHistogram.Histogram;

/**
 * Websites submitting responses through the gateway at once for a fixed time, each request with its own
 * Idempotency-Key from the organisation's own page, as a browser would send it: throughput, latency and errors.
 */
final class SubmissionLoad {

    /** Bodies prepared per client before the clock starts, so the client spends its time sending. */
    private static final int BODIES_PER_CLIENT = 200;

    /**
     * @param accepted answers 201
     * @param errors any other answer by status, or by exception name when there was no answer
     * @param latencyMicros of every submission, accepted or not
     */
    record Result(int clients, double seconds, long accepted, Map<String, Long> errors, Histogram latencyMicros,
            String firstError) {

        double perSecond() {
            return accepted / seconds;
        }

        long errorCount() {
            return errors.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private SubmissionLoad() {
    }

    static Result run(BenchStack bench, int clients, Duration duration) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Result>> running = new ArrayList<>();
            long start = System.nanoTime();
            long deadline = start + duration.toNanos();
            for (int c = 0; c < clients; c++) {
                List<HttpRequest.Builder> bodies = bodies(bench, c);
                running.add(pool.submit(() -> submitUntil(bench.gateway(), bodies, deadline)));
            }
            List<Result> results = new ArrayList<>();
            for (Future<Result> client : running) {
                results.add(client.get());
            }
            return merge(clients, (System.nanoTime() - start) / 1e9, results);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Requests of one website, varied so that the tallies spread as real answers do; each still lacks its key. */
    private static List<HttpRequest.Builder> bodies(BenchStack bench, int client) throws Exception {
        SampleAnswers answers = new SampleAnswers(bench.definition(), client);
        String path = "/api/v1/surveys/" + bench.surveyId() + "/responses";
        List<HttpRequest.Builder> requests = new ArrayList<>();
        for (int i = 0; i < BODIES_PER_CLIENT; i++) {
            requests.add(bench.gateway().post(path, bench.website().bearer(), BenchClient.JSON.writeValueAsBytes(
                    answers.next())).header("Origin", BenchStack.ORIGIN));
        }
        return requests;
    }

    private static Result submitUntil(BenchClient gateway, List<HttpRequest.Builder> requests, long deadline) {
        Histogram latency = new Histogram(60_000_000L, 3);
        Map<String, Long> errors = new TreeMap<>();
        String firstError = null;
        long accepted = 0;
        for (int i = 0; System.nanoTime() < deadline; i++) {
            HttpRequest request = requests.get(i % requests.size()).copy()
                    .header("Idempotency-Key", UUID.randomUUID().toString()).build();
            long sent = System.nanoTime();
            String error;
            try {
                HttpResponse<String> response = gateway.exchange(request);
                error = response.statusCode() == 201 ? null : Integer.toString(response.statusCode());
                if (error != null && firstError == null) {
                    firstError = response.statusCode() + " " + response.body();
                }
            } catch (Exception e) {
                error = e.getClass().getSimpleName();
                firstError = firstError == null ? e.toString() : firstError;
            }
            latency.recordValue(Math.min((System.nanoTime() - sent) / 1000, latency.getHighestTrackableValue()));
            if (error == null) {
                accepted++;
            } else {
                errors.merge(error, 1L, Long::sum);
            }
        }
        return new Result(1, 0, accepted, errors, latency, firstError);
    }

    private static Result merge(int clients, double seconds, List<Result> results) {
        Histogram latency = new Histogram(60_000_000L, 3);
        Map<String, Long> errors = new TreeMap<>();
        long accepted = 0;
        String firstError = null;
        for (Result r : results) {
            latency.add(r.latencyMicros());
            r.errors().forEach((k, v) -> errors.merge(k, v, Long::sum));
            accepted += r.accepted();
            firstError = firstError == null ? r.firstError() : firstError;
        }
        return new Result(clients, seconds, accepted, errors, latency, firstError);
    }
}
