package org.chorus.bench;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

import com.fasterxml.jackson.databind.JsonNode;

/** Response ingest through the API, and the latency of the results endpoint. */
final class LatencyBench {

    private LatencyBench() {
    }

    /** Submits {@code count} varied responses from {@code threads} websites at once; returns responses per second. */
    static double ingest(BenchClient client, String surveyId, JsonNode definition, int count, int threads)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int share = count / threads + (t < count % threads ? 1 : 0);
            SampleAnswers answers = new SampleAnswers(definition, t);
            String website = client.website();
            done.add(pool.submit(() -> {
                for (int i = 0; i < share; i++) {
                    client.send(client.post("/api/v1/surveys/" + surveyId + "/responses", website, answers.next()));
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        return count / seconds;
    }

    /** Latencies in microseconds of {@code count} sequential results requests, after a warm-up. */
    static Histogram results(BenchClient client, String surveyId, String by, int count) throws Exception {
        String path = "/api/v1/surveys/" + surveyId + "/results" + (by == null ? "" : "?by=" + by);
        return latencies(client, client.get(path, client.analyst()), count);
    }

    /** Latencies in microseconds of {@code count} sequential sends of one request, after a warm-up. */
    static Histogram latencies(BenchClient client, HttpRequest request, int count) throws Exception {
        for (int i = 0; i < 200; i++) {
            client.send(request);
        }
        Histogram histogram = new Histogram(3);
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            client.send(request);
            histogram.recordValue((System.nanoTime() - start) / 1000);
        }
        return histogram;
    }
}
