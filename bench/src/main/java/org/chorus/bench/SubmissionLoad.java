package org.chorus.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key: ";
    /** As long as a UUID's text, which takes its place in each request. */
    private static final String KEY_ROOM = "0".repeat(36);

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
                KeepAliveConnection connection = new KeepAliveConnection(bench.gateway().base());
                List<byte[]> requests = requests(bench, connection, c);
                running.add(pool.submit(() -> submitUntil(connection, requests, deadline)));
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

    /**
     * Requests of one website, varied so that the tallies spread as real answers do; each has room for its own
     * Idempotency-Key, written in just before it is sent.
     */
    private static List<byte[]> requests(BenchStack bench, KeepAliveConnection connection, int client)
            throws Exception {
        SampleAnswers answers = new SampleAnswers(bench.definition(), client);
        String path = "/api/v1/surveys/" + bench.surveyId() + "/responses";
        String headers = "Authorization: " + bench.website().bearer() + "\r\nOrigin: " + BenchStack.ORIGIN
                + "\r\nContent-Type: application/json\r\n" + IDEMPOTENCY_KEY + KEY_ROOM + "\r\n";
        List<byte[]> requests = new ArrayList<>();
        for (int i = 0; i < BODIES_PER_CLIENT; i++) {
            requests.add(connection.request("POST", path, headers,
                    BenchClient.JSON.writeValueAsBytes(answers.next())));
        }
        return requests;
    }

    private static Result submitUntil(KeepAliveConnection connection, List<byte[]> requests, long deadline) {
        Histogram latency = new Histogram(60_000_000L, 3);
        Map<String, Long> errors = new TreeMap<>();
        String firstError = null;
        long accepted = 0;
        int keyAt = keyOffset(requests.get(0));
        try (connection) {
            for (int i = 0; System.nanoTime() < deadline; i++) {
                byte[] request = requests.get(i % requests.size());
                byte[] key = UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
                System.arraycopy(key, 0, request, keyAt, key.length);
                long sent = System.nanoTime();
                String error;
                try {
                    KeepAliveConnection.Answer answer = connection.exchange(request);
                    error = answer.status() == 201 ? null : Integer.toString(answer.status());
                    if (error != null && firstError == null) {
                        firstError = answer.status() + " " + answer.body();
                    }
                } catch (IOException | RuntimeException e) {
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
        }
        return new Result(1, 0, accepted, errors, latency, firstError);
    }

    /** Where the room for the Idempotency-Key starts: the same in every request of a client, its head being alike. */
    private static int keyOffset(byte[] request) {
        String head = new String(request, StandardCharsets.ISO_8859_1);
        return head.indexOf(IDEMPOTENCY_KEY + KEY_ROOM) + IDEMPOTENCY_KEY.length();
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
