package org.chorus.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Histogram;
import org.chorus.localstack.RunningStack;
import org.chorus.localstack.faults.DrillSurvey;
import org.chorus.localstack.faults.DrillTenant;

/**
 * Event propagation: staff enter responses at a steady rate, and each one's time from its 201 to the moment insight
 * holds it (the row reach counts) is recorded. Insight's table is polled every 10 ms for the responses still on
 * their way, which bounds the figures' resolution.
 */
final class EventPropagation {

    private static final Duration POLL = Duration.ofMillis(10);
    /**
     * Only the longest travelling responses are looked for in one poll, so that a backlog does not turn the poll into
     * load of its own; events arrive about in the order they were accepted, so the others wait their turn briefly.
     */
    private static final int LOOKED_FOR = 500;
    /** How long after the last 201 the stragglers are waited for before they count as missing. */
    private static final Duration STRAGGLERS = Duration.ofSeconds(60);

    /**
     * @param latencyMicros from 201 to visible in insight, of every response that arrived
     * @param acknowledged responses answered 201
     * @param failed submissions answered otherwise, by status or by what went wrong
     * @param missing acknowledged responses insight did not hold in time
     * @param stages where the time went, from the databases' timestamps
     * @param cpuPerResponse processor milliseconds per acknowledged response of each part, load generator included
     */
    record Result(int perSecond, Histogram latencyMicros, long acknowledged, Map<String, Long> failed, int missing,
            PropagationStages.Stages stages, String cpuPerResponse) {
    }

    private final RunningStack stack;
    private final Path stackHome;
    private final DrillTenant tenant;
    private final Map<UUID, Long> travelling = new ConcurrentHashMap<>();
    private final Histogram latency = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
    private final LongAdder acknowledged = new LongAdder();
    private final Map<String, LongAdder> failed = new ConcurrentHashMap<>();
    private final CountDownLatch allArrived = new CountDownLatch(1);
    private volatile boolean allAnswered;

    EventPropagation(RunningStack stack, Path stackHome, DrillTenant tenant) {
        this.stack = stack;
        this.stackHome = stackHome;
        this.tenant = tenant;
    }

    Result run(int perSecond, Duration duration) throws Exception {
        DrillSurvey survey = DrillSurvey.open(tenant.staff(), "Event propagation bench");
        OffsetDateTime start = OffsetDateTime.now();
        int total = (int) (perSecond * duration.toSeconds());
        CountDownLatch answered = new CountDownLatch(total);
        AtomicInteger next = new AtomicInteger();
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(2);
        CpuShares cpuBefore = CpuShares.now(stackHome);
        String cpu;
        try (Connection insight = DriverManager.getConnection(stack.jdbcUrl("insight"), stack.dbUser(),
                stack.dbPassword())) {
            try {
                clock.scheduleAtFixedRate(() -> {
                    int n = next.getAndIncrement();
                    if (n < total) {
                        submit(survey, n).whenComplete((v, e) -> answered.countDown());
                    }
                }, 0, TimeUnit.SECONDS.toNanos(1) / perSecond, TimeUnit.NANOSECONDS);
                clock.scheduleWithFixedDelay(() -> arrived(insight), 0, POLL.toMillis(), TimeUnit.MILLISECONDS);
                awaitAnswersAndArrivals(answered, duration);
                cpu = CpuShares.now(stackHome).perResponseSince(cpuBefore, acknowledged.sum());
            } finally {
                // Before the connection closes, so that no poll runs on a closed connection.
                clock.shutdownNow();
                clock.awaitTermination(10, TimeUnit.SECONDS);
            }
        }
        Map<String, Long> failures = new TreeMap<>();
        failed.forEach((answer, count) -> failures.put(answer, count.sum()));
        return new Result(perSecond, latency, acknowledged.sum(), failures, travelling.size(),
                PropagationStages.since(stack, start), cpu);
    }

    private void awaitAnswersAndArrivals(CountDownLatch answered, Duration duration) throws InterruptedException {
        if (!answered.await(duration.toSeconds() + 60, TimeUnit.SECONDS)) {
            // The stack took in less than the rate asked of it: a result of its own, reported, not a crash.
            failed.computeIfAbsent("unanswered a minute after the last was sent", a -> new LongAdder())
                    .add(answered.getCount());
            return;
        }
        allAnswered = true;
        allArrived.await(STRAGGLERS.toSeconds(), TimeUnit.SECONDS);
    }

    private CompletableFuture<Void> submit(DrillSurvey survey, int n) {
        return tenant.staff().postAsync(survey.responsesPath(), survey.response(n), UUID.randomUUID().toString())
                .handle((HttpResponse<String> response, Throwable error) -> {
                    long at = System.nanoTime();
                    if (error == null && response.statusCode() == 201) {
                        acknowledged.increment();
                        travelling.put(responseId(response), at);
                    } else {
                        String answer = error == null ? Integer.toString(response.statusCode())
                                : (error.getCause() == null ? error : error.getCause()).getClass().getSimpleName();
                        failed.computeIfAbsent(answer, a -> new LongAdder()).increment();
                    }
                    return null;
                });
    }

    /** Records and forgets the responses insight holds now. */
    private void arrived(Connection insight) {
        if (travelling.isEmpty()) {
            if (allAnswered) {
                allArrived.countDown();
            }
            return;
        }
        try (PreparedStatement select = insight.prepareStatement(
                "SELECT response_id FROM survey_response WHERE response_id = ANY(?)")) {
            Array ids = insight.createArrayOf("uuid", travelling.entrySet().stream()
                    .sorted(Map.Entry.comparingByValue()).limit(LOOKED_FOR).map(Map.Entry::getKey).toArray());
            select.setArray(1, ids);
            try (ResultSet rows = select.executeQuery()) {
                long now = System.nanoTime();
                while (rows.next()) {
                    Long acknowledgedAt = travelling.remove(rows.getObject(1, UUID.class));
                    if (acknowledgedAt != null) {
                        latency.recordValue(Math.min(TimeUnit.NANOSECONDS.toMicros(now - acknowledgedAt),
                                latency.getHighestTrackableValue()));
                    }
                }
            }
        } catch (SQLException e) {
            System.out.println("  propagation poll failed, trying again: " + e.getMessage());
        }
    }

    private static UUID responseId(HttpResponse<String> response) {
        try {
            return UUID.fromString(BenchClient.JSON.readTree(response.body()).path("responseId").asText());
        } catch (IOException e) {
            throw new IllegalStateException("201 without a receipt: " + response.body(), e);
        }
    }
}
