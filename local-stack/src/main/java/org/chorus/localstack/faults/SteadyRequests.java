package org.chorus.localstack.faults;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ordinary work at a steady rate, as a busy day brings it: staff entering responses and reading the survey, its
 * results, reach and their organisation, in turn. Requests leave on a clock, not when the previous one is answered,
 * so that a slow answer is not hidden by a slower rate.
 */
final class SteadyRequests {

    /** What one steady request does; they come round in this order. */
    private enum Kind {
        SUBMISSION, SURVEY, RESULTS, REACH, ORGANISATION
    }

    private final GatewayCaller staff;
    private final DrillSurvey survey;
    private final String organisationId;
    private final CallerCounts counts = new CallerCounts();

    SteadyRequests(GatewayCaller staff, DrillSurvey survey, String organisationId) {
        this.staff = staff;
        this.survey = survey;
        this.organisationId = organisationId;
    }

    /** Sends {@code requests} at {@code perSecond} and waits until every one is answered. */
    CallerCounts run(int requests, int perSecond) throws InterruptedException {
        CountDownLatch answered = new CountDownLatch(requests);
        AtomicInteger next = new AtomicInteger();
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "steady"));
        try {
            ScheduledFuture<?> ticking = clock.scheduleAtFixedRate(() -> {
                int n = next.getAndIncrement();
                if (n < requests) {
                    send(n).whenComplete((done, error) -> answered.countDown());
                }
            }, 0, TimeUnit.SECONDS.toNanos(1) / perSecond, TimeUnit.NANOSECONDS);
            Duration limit = Duration.ofSeconds(requests / perSecond + 120);
            boolean all = answered.await(limit.toSeconds(), TimeUnit.SECONDS);
            ticking.cancel(false);
            if (!all) {
                throw new IllegalStateException(answered.getCount() + " steady requests still unanswered after "
                        + limit);
            }
        } finally {
            clock.shutdownNow();
        }
        return counts;
    }

    private CompletableFuture<?> send(int n) {
        Kind kind = Kind.values()[n % Kind.values().length];
        return switch (kind) {
            case SUBMISSION -> submit(n);
            case SURVEY -> read("/api/v1/surveys/" + survey.id());
            case RESULTS -> read(survey.resultsPath());
            case REACH -> read(EffectProbe.reachPath());
            case ORGANISATION -> read("/api/v1/organisations/" + organisationId);
        };
    }

    private CompletableFuture<?> submit(int n) {
        counts.submitted();
        return staff.postAsync(survey.responsesPath(), survey.response(n), UUID.randomUUID().toString())
                .handle((response, error) -> counts.submissionAnswered(response, error));
    }

    private CompletableFuture<?> read(String path) {
        return staff.getAsync(path).handle((HttpResponse<String> response, Throwable error) -> {
            counts.readAnswered(response, error);
            return null;
        });
    }
}
