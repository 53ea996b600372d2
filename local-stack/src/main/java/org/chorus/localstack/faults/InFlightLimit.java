package org.chorus.localstack.faults;

import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * At most so many requests in flight at once, as a caller's connection pool allows; the others wait their turn, in
 * order, without a thread each. Without it an asynchronous client opens a connection for every request a slow moment
 * leaves unanswered, and a drill measures its own connect timeouts instead of the stack.
 */
final class InFlightLimit {

    private final Semaphore permits;
    private final Queue<Runnable> waiting = new ConcurrentLinkedQueue<>();

    InFlightLimit(int inFlight) {
        this.permits = new Semaphore(inFlight);
    }

    /** Starts the call when a place is free; the answer is the call's. */
    <T> CompletableFuture<T> submit(Supplier<CompletableFuture<T>> call) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        waiting.add(() -> {
            CompletableFuture<T> started;
            try {
                started = call.get();
            } catch (RuntimeException e) {
                started = CompletableFuture.failedFuture(e);
            }
            started.whenComplete((value, error) -> {
                permits.release();
                startWaiting();
                if (error != null) {
                    answer.completeExceptionally(error);
                } else {
                    answer.complete(value);
                }
            });
        });
        startWaiting();
        return answer;
    }

    private void startWaiting() {
        while (!waiting.isEmpty() && permits.tryAcquire()) {
            Runnable next = waiting.poll();
            if (next == null) {
                permits.release();
                return;
            }
            next.run();
        }
    }
}
