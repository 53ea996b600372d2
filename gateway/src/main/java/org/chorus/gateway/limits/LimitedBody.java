package org.chorus.gateway.limits;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import io.vertx.httpproxy.Body;

/**
 * A request body on its way to a service that fails once it grows past the limit. A chunked body announces no
 * length, so the limit can only be kept by counting while it streams; the proxy then abandons the service request.
 */
public final class LimitedBody implements ReadStream<Buffer> {

    private final ReadStream<Buffer> source;
    private final long maxBytes;
    private long seen;
    private volatile boolean exceeded;
    private Handler<Throwable> exceptionHandler;
    private Runnable onExceeded = () -> { };

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

    /** Whether the body grew past the limit, so that the failure it caused is answered as 413. */
    public boolean exceeded() {
        return exceeded;
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
            if (exceeded) {
                return;
            }
            seen += chunk.length();
            if (seen > maxBytes) {
                exceeded = true;
                source.pause();
                onExceeded.run();
                if (exceptionHandler != null) {
                    exceptionHandler.handle(new BodyTooLargeException(maxBytes));
                }
                return;
            }
            handler.handle(chunk);
        });
        return this;
    }

    @Override
    public LimitedBody pause() {
        source.pause();
        return this;
    }

    @Override
    public LimitedBody resume() {
        if (!exceeded) {
            source.resume();
        }
        return this;
    }

    @Override
    public LimitedBody fetch(long amount) {
        if (!exceeded) {
            source.fetch(amount);
        }
        return this;
    }

    @Override
    public LimitedBody endHandler(Handler<Void> endHandler) {
        source.endHandler(endHandler == null ? null : v -> {
            if (!exceeded) {
                endHandler.handle(v);
            }
        });
        return this;
    }

    /** Why the body stopped; never shown to a caller, who gets a 413 problem instead. */
    public static final class BodyTooLargeException extends RuntimeException {

        BodyTooLargeException(long maxBytes) {
            super("request body exceeded " + maxBytes + " bytes", null, false, false);
        }
    }
}
