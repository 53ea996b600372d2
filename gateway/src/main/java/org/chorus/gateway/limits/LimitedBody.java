package org.chorus.gateway.limits;

import java.util.function.BooleanSupplier;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import io.vertx.httpproxy.Body;

/**
 * A request body on its way to a service that fails once it grows past the limit, or once a chunk cannot be written
 * to the service; the proxy then abandons the service request rather than end it with part of the body.
 */
public final class LimitedBody implements ReadStream<Buffer> {

    private final ReadStream<Buffer> source;
    private final long maxBytes;
    private long seen;
    private volatile boolean exceeded;
    private volatile RuntimeException failure;
    private Handler<Throwable> exceptionHandler;
    private Runnable onExceeded = () -> { };
    private BooleanSupplier callerDone = () -> false;

    private LimitedBody(ReadStream<Buffer> source, long maxBytes) {
        this.source = source;
        this.maxBytes = maxBytes;
    }

    /** The body, limited; null stays null (a request without a body). */
    public static LimitedBody wrap(Body body, long maxBytes) {
        return body == null ? null : new LimitedBody(body.stream(), maxBytes);
    }

    /** Runs once the body grows past the limit, which may be after the service has already answered. */
    public LimitedBody onExceeded(Runnable action) {
        this.onExceeded = action;
        return this;
    }

    /**
     * Whether the caller is done with its request before the service was asked: answered by the gateway itself (a body
     * it cannot read), or gone (a phone losing its signal mid-submission). The proxy connects to the service first and
     * reads the body only then; finding the caller done, the body fails at once rather than wait, holding a connection
     * to the service, for the rest of a body that will never come.
     */
    public LimitedBody giveUpWhen(BooleanSupplier callerDone) {
        this.callerDone = callerDone;
        return this;
    }

    /** Whether the body grew past the limit, so that the failure it caused is answered as 413. */
    public boolean exceeded() {
        return exceeded;
    }

    /** Why a chunk could not be written to the service, or null: the true cause of the reset that followed. */
    public RuntimeException failure() {
        return failure;
    }

    @Override
    public LimitedBody exceptionHandler(Handler<Throwable> handler) {
        this.exceptionHandler = handler;
        source.exceptionHandler(handler);
        return this;
    }

    @Override
    public LimitedBody handler(Handler<Buffer> handler) {
        if (handler == null) {
            source.handler(null);
            return this;
        }
        source.handler(chunk -> {
            if (exceeded || failure != null) {
                return;
            }
            seen += chunk.length();
            if (seen > maxBytes) {
                exceeded = true;
                onExceeded.run();
                stop(new BodyTooLargeException(maxBytes));
                return;
            }
            try {
                handler.handle(chunk);
            } catch (RuntimeException e) {
                // The proxy's pipe writes the chunk to the service here and lets what the write throws escape: the
                // pipe would then go on to end the service's request without this chunk, and the service would act
                // on what arrived. Failing the stream makes the proxy reset that request instead.
                failure = e;
                stop(e);
            }
        });
        return this;
    }

    private void stop(Throwable cause) {
        source.pause();
        if (exceptionHandler != null) {
            exceptionHandler.handle(cause);
        }
    }

    @Override
    public LimitedBody pause() {
        source.pause();
        return this;
    }

    @Override
    public LimitedBody resume() {
        if (callerDone.getAsBoolean()) {
            stop(new CallerDoneException());
        } else if (!stopped()) {
            source.resume();
        }
        return this;
    }

    @Override
    public LimitedBody fetch(long amount) {
        if (!stopped()) {
            source.fetch(amount);
        }
        return this;
    }

    @Override
    public LimitedBody endHandler(Handler<Void> endHandler) {
        source.endHandler(endHandler == null ? null : v -> {
            if (!stopped()) {
                endHandler.handle(v);
            }
        });
        return this;
    }

    private boolean stopped() {
        return exceeded || failure != null;
    }

    /** Why the body stopped when the caller was answered or gone already; never shown to anyone. */
    public static final class CallerDoneException extends RuntimeException {

        CallerDoneException() {
            super("the caller was answered or went away before its body was read", null, false, false);
        }
    }

    /** Why the body stopped; never shown to a caller, who gets a 413 problem instead. */
    public static final class BodyTooLargeException extends RuntimeException {

        BodyTooLargeException(long maxBytes) {
            super("request body exceeded " + maxBytes + " bytes", null, false, false);
        }
    }
}
