package org.chorus.platform.web;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;

import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Where the steps of a request that runs on its event loop go on once it waits for something: a blocking step (a
 * database read on a rare path) on a worker thread, and its answer back on its event loop. Both run in the request's
 * own Vert.x context, where its request scope is active; the thread that completed what the request waited for (the
 * submission writer, say) has none, and building the answer or mapping a failure to a problem needs it.
 */
public final class RequestThreads {

    private final Context request;
    private final Executor eventLoop;

    private RequestThreads(Context request) {
        this.request = request;
        this.eventLoop = step -> request.runOnContext(ignored -> step.run());
    }

    /**
     * Of the request this event loop is handling now: take it before the request's first asynchronous step, since a
     * continuation may run on a thread that knows nothing of the request.
     *
     * @throws IllegalStateException off a Vert.x thread
     */
    public static RequestThreads ofCurrentRequest() {
        Context context = Vertx.currentContext();
        if (context == null) {
            throw new IllegalStateException("Not on a Vert.x thread: no request to run steps for");
        }
        return new RequestThreads(context);
    }

    /** Runs {@code step} on a worker thread; unordered, since each step belongs to one request. */
    public <T> CompletionStage<T> blocking(Callable<T> step) {
        return request.executeBlocking(step, false).toCompletionStage();
    }

    /**
     * Builds the request's answer on its event loop once {@code stage} completes; a failure, too, reaches the
     * request's exception mappers there, unwrapped.
     */
    public <T, R> CompletionStage<R> answer(CompletionStage<T> stage, Function<? super T, ? extends R> answer) {
        return stage.handleAsync((result, failure) -> {
            if (failure != null) {
                throw new CompletionException(unwrap(failure));
            }
            return answer.apply(result);
        }, eventLoop);
    }

    /**
     * Waits for {@code stage} on a thread that may block, failing with the stage's own failure (a problem the caller
     * maps to its status) rather than with the {@link CompletionException} that wraps it.
     */
    public static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().join();
        } catch (CompletionException e) {
            Throwable cause = unwrap(e);
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** The failure a stage completed with, without the {@link CompletionException}s that dependent stages wrap it in. */
    public static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
