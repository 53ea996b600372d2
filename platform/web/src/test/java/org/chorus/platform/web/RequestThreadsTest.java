package org.chorus.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.chorus.platform.web.problem.ProblemException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * A request on its event loop that waits for another thread must get back to its own event loop to answer, success or
 * failure, and run its blocking steps on a worker of its own context.
 */
class RequestThreadsTest {

    private static final long WAIT_SECONDS = 10;

    private final Vertx vertx = Vertx.vertx();
    private final Context request = vertx.getOrCreateContext();

    @AfterEach
    void close() {
        vertx.close();
    }

    @Test
    void theAnswerIsBuiltOnTheRequestsEventLoopWhateverThreadCompletedTheWait() throws Exception {
        CompletableFuture<String> waitedFor = new CompletableFuture<>();
        CompletableFuture<CompletionStage<String>> answer = onRequest(threads -> threads.answer(waitedFor,
                stored -> stored + " on " + (Vertx.currentContext() == request && Context.isOnEventLoopThread())));

        Thread writer = new Thread(() -> waitedFor.complete("stored"), "writer");
        writer.start();

        assertEquals("stored on true", answer.get(WAIT_SECONDS, TimeUnit.SECONDS).toCompletableFuture()
                .get(WAIT_SECONDS, TimeUnit.SECONDS));
    }

    @Test
    void aFailureReachesTheRequestUnwrappedOnItsEventLoop() throws Exception {
        ProblemException refused = ProblemException.conflict("taken");
        CompletableFuture<String> waitedFor = new CompletableFuture<>();
        CompletableFuture<Boolean> onEventLoop = new CompletableFuture<>();
        CompletableFuture<CompletionStage<String>> answer = onRequest(threads -> threads
                .answer(waitedFor.thenApply(s -> s + "!"), s -> s)
                .whenComplete((s, failure) -> onEventLoop.complete(Vertx.currentContext() == request)));

        new Thread(() -> waitedFor.completeExceptionally(refused), "writer").start();

        ExecutionException failed = assertThrows(ExecutionException.class,
                () -> answer.get(WAIT_SECONDS, TimeUnit.SECONDS).toCompletableFuture()
                        .get(WAIT_SECONDS, TimeUnit.SECONDS));
        assertSame(refused, failed.getCause(), "one CompletionException, as the REST layer unwraps, around the problem");
        assertTrue(onEventLoop.get(WAIT_SECONDS, TimeUnit.SECONDS));
    }

    @Test
    void aBlockingStepRunsOnAWorkerOfTheRequestsContext() throws Exception {
        CompletableFuture<CompletionStage<String>> step = onRequest(threads -> threads.blocking(
                () -> Context.isOnWorkerThread() + " " + (Vertx.currentContext() == request)));

        assertEquals("true true", step.get(WAIT_SECONDS, TimeUnit.SECONDS).toCompletableFuture()
                .get(WAIT_SECONDS, TimeUnit.SECONDS));
    }

    @Test
    void offAVertxThreadThereIsNoRequestToGoOnWith() {
        assertThrows(IllegalStateException.class, RequestThreads::ofCurrentRequest);
    }

    @Test
    void awaitingFailsWithTheStagesOwnFailure() {
        ProblemException refused = ProblemException.conflict("taken");
        CompletableFuture<String> failed = CompletableFuture.<String>failedFuture(refused).thenApply(s -> s);

        assertSame(refused, assertThrows(ProblemException.class, () -> RequestThreads.await(failed)));
        assertEquals("done", RequestThreads.await(CompletableFuture.completedFuture("done")));
    }

    @Test
    void unwrappingStripsEveryCompletionExceptionButKeepsOtherWrappers() {
        IllegalStateException cause = new IllegalStateException("outage");
        RuntimeException wrapped = new RuntimeException(cause);

        assertSame(cause, RequestThreads.unwrap(new CompletionException(new CompletionException(cause))));
        assertSame(wrapped, RequestThreads.unwrap(new CompletionException(wrapped)));
        CompletionException bare = new CompletionException("no cause", null);
        assertSame(bare, RequestThreads.unwrap(bare));
        assertFalse(RequestThreads.unwrap(cause) instanceof CompletionException);
    }

    /** Runs {@code handling} on the request's event loop, as the REST layer runs a method that returns a stage. */
    private <T> CompletableFuture<T> onRequest(java.util.function.Function<RequestThreads, T> handling) {
        CompletableFuture<T> started = new CompletableFuture<>();
        request.runOnContext(ignored -> started.complete(handling.apply(RequestThreads.ofCurrentRequest())));
        return started;
    }
}
