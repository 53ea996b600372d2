package org.chorus.gateway.routing;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.streams.ReadStream;
import io.vertx.httpproxy.Body;

/**
 * A request body held in memory, so that a request can be sent again after its first connection closed. A streamed
 * body is gone once sent, so only small ones are held: submissions and other JSON requests, not 20 MB uploads.
 */
final class ReplayableBody {

    private final Buffer content;
    private final long declaredLength;

    private ReplayableBody(Buffer content, long declaredLength) {
        this.content = content;
        this.declaredLength = declaredLength;
    }

    /**
     * Whether the caller's body is small enough to hold: one whose declared length is within the limit, or none at
     * all. A chunked body's size is known only at its end, so it always streams.
     *
     * @param declaredLength the Content-Length, or -1 when the caller gave none
     */
    static boolean fits(HttpServerRequest caller, long declaredLength, long limit) {
        if (declaredLength >= 0) {
            return declaredLength <= limit;
        }
        if (caller.version() == HttpVersion.HTTP_2) {
            // HTTP/2 frames a body without announcing its length; only methods that carry none are taken to have none.
            return RetrySafety.changesNothing(caller.method());
        }
        return !caller.headers().contains(HttpHeaders.TRANSFER_ENCODING);
    }

    /** Reads the whole body; fails as the stream fails (a body past the gateway's limit). */
    static Future<ReplayableBody> read(ReadStream<Buffer> stream, long declaredLength) {
        Promise<ReplayableBody> read = Promise.promise();
        Buffer content = Buffer.buffer(declaredLength > 0 ? (int) declaredLength : 0);
        stream.exceptionHandler(read::tryFail);
        stream.handler(content::appendBuffer);
        stream.endHandler(end -> read.tryComplete(new ReplayableBody(content, declaredLength)));
        stream.resume();
        return read.future();
    }

    /** Sends the body as a request of the gateway's own, announcing its length as the caller did. */
    Future<HttpClientResponse> sendOn(HttpClientRequest request) {
        return declaredLength < 0 && content.length() == 0 ? request.send() : request.send(content);
    }

    /**
     * A new body for one attempt, announcing the length the caller announced, so the service sees the same request.
     * An HTTP/2 caller may send a body without announcing it; the service, on HTTP/1.1, is then told the length read.
     */
    Body body() {
        long length = declaredLength < 0 && content.length() > 0 ? content.length() : declaredLength;
        return Body.body(Body.body(content).stream(), length);
    }
}
