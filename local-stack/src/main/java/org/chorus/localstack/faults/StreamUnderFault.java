package org.chorus.localstack.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.chorus.localstack.RunningStack;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Submissions from many staff members at once with a fault in the middle. The stream is cut in four by latches, not
 * by timing: the first third goes to a healthy stack; the fault strikes as the second third begins and races with it;
 * the next sixth waits until the fault is in effect, so that some submissions surely meet it; the last third waits
 * until it has been put right, which happens a set outage after it took effect. Each submission carries its own
 * Idempotency-Key and is tried again with it after any server failure, as Retry-After says.
 */
final class StreamUnderFault {

    /** Beyond any outage a drill sets up; reaching it means a submission or the fault never settled. */
    private static final Duration SETTLE_LIMIT = Duration.ofMinutes(10);
    /** A caller gives a submission up after this many tries; far more than any outage here needs. */
    private static final int MAX_TRIES = 200;

    private final RunningStack stack;
    private final GatewayCaller staff;
    private final DrillSurvey survey;
    private final Fault fault;
    private final Duration outage;
    private final int total;
    private final CallerCounts counts = new CallerCounts();
    private final AtomicInteger nextTicket = new AtomicInteger();
    private final CountDownLatch inEffect = new CountDownLatch(1);
    private final CountDownLatch restored = new CountDownLatch(1);
    private final ScheduledExecutorService faultThread = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "drill-fault"));
    private volatile Exception faultFailure;

    StreamUnderFault(RunningStack stack, GatewayCaller staff, DrillSurvey survey, Fault fault, Duration outage,
            int total) {
        this.stack = stack;
        this.staff = staff;
        this.survey = survey;
        this.fault = fault;
        this.outage = outage;
        this.total = total;
    }

    /** Runs the stream at {@code clients} concurrent callers; returns what they were answered. */
    CallerCounts run(int clients) throws InterruptedException {
        ExecutorService callers = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                running.add(callers.submit(() -> {
                    submitTickets();
                    return null;
                }));
            }
            for (Future<?> caller : running) {
                caller.get(SETTLE_LIMIT.toMinutes(), TimeUnit.MINUTES);
            }
            if (!restored.await(SETTLE_LIMIT.toMinutes(), TimeUnit.MINUTES)) {
                throw new IllegalStateException(fault.label() + ": the stack was not put right in time");
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(fault.label() + ": a caller failed: " + e.getMessage(), e);
        } finally {
            callers.shutdownNow();
            faultThread.shutdown();
            faultThread.awaitTermination(SETTLE_LIMIT.toMinutes(), TimeUnit.MINUTES);
        }
        if (faultFailure != null) {
            throw new IllegalStateException(fault.label() + " could not be set up or put right", faultFailure);
        }
        return counts;
    }

    private void submitTickets() throws InterruptedException {
        for (int n = nextTicket.getAndIncrement(); n < total; n = nextTicket.getAndIncrement()) {
            if (n == total / 3) {
                faultThread.execute(this::strike);
            }
            awaitTurn(n);
            counts.submitted();
            submitUntilSettled(survey.response(n), UUID.randomUUID().toString(), 1).join();
        }
    }

    private void awaitTurn(int ticket) throws InterruptedException {
        CountDownLatch gate = ticket >= 2 * total / 3 ? restored : ticket >= total / 2 ? inEffect : null;
        if (gate != null && !gate.await(SETTLE_LIMIT.toMinutes(), TimeUnit.MINUTES)) {
            throw new IllegalStateException(fault.label() + ": the fault never took effect or was never put right");
        }
    }

    private CompletableFuture<Void> submitUntilSettled(JsonNode body, String idempotencyKey, int tries) {
        return staff.postAsync(survey.responsesPath(), body, idempotencyKey)
                .handle((response, error) -> counts.submissionAnswered(response, error))
                .thenCompose(retry -> retry.isEmpty() || tries >= MAX_TRIES ? CompletableFuture.completedFuture(null)
                        : CompletableFuture.runAsync(() -> { },
                                CompletableFuture.delayedExecutor(retry.get().toMillis(), TimeUnit.MILLISECONDS))
                                .thenCompose(v -> submitUntilSettled(body, idempotencyKey, tries + 1)));
    }

    private void strike() {
        try {
            fault.inject(stack);
            inEffect.countDown();
            faultThread.schedule(this::putRight, outage.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            giveUp(e);
        }
    }

    private void putRight() {
        try {
            fault.restore(stack);
            restored.countDown();
        } catch (Exception e) {
            giveUp(e);
        }
    }

    /** Lets every caller through so that the stream ends and the failure is reported instead of a hang. */
    private void giveUp(Exception e) {
        faultFailure = e;
        inEffect.countDown();
        restored.countDown();
    }
}
