package org.chorus.gateway.routing;

import org.chorus.gateway.limits.UnreadBody;

import io.netty.handler.codec.DecoderException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;

/**
 * Answers a request whose chunked body cannot be read (a chunk size that is not hexadecimal, a chunk longer than its
 * size says) with a 400 naming the rule. The HTTP decoder cannot read on after such a chunk and Vert.x closes the
 * connection at once, whatever the request's own handlers are doing: the caller was left with no answer at all, and
 * the proxy, finding the caller gone, reported the service as failed.
 */
final class MalformedChunks {

    static final String RULE = "Transfer-Encoding: chunked, but the body's chunks are not framed as HTTP/1.1 requires "
            + "(RFC 9112, 7.1): each chunk is its size in hexadecimal on a line of its own, then that many bytes and "
            + "CRLF, and a chunk of size 0 ends the body. Nothing was done with this request";

    private MalformedChunks() {
    }

    /**
     * Watches the caller's connection while this request's body arrives. Vert.x tells the connection's handler before
     * it closes the connection, and a refusal written earlier (the key unknown) is sent then too.
     */
    static void answerOn(HttpServerRequest request, ProblemResponses problems, String requestId) {
        if (request.version() != HttpVersion.HTTP_1_1 || !request.headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
            return;
        }
        request.connection().exceptionHandler(cause -> {
            // A later request on the same connection that sends no chunks leaves this handler in place; it is not
            // that request's body that failed once this one has ended.
            if (!isFraming(cause) || request.isEnded()) {
                return;
            }
            HttpServerResponse response = request.response();
            if (!response.headWritten()) {
                UnreadBody.announceClose(response);
                problems.send(response, GatewayProblem.MALFORMED_BODY, RULE, requestId);
            }
            CallerConnection.sendNow(request);
        });
    }

    /** Whether a failure came from the decoder reading a chunk, rather than from a caller that went away. */
    private static boolean isFraming(Throwable cause) {
        // The decoder's own failures, and what it throws reading a chunk size (NumberFormatException) or a trailer's
        // header line; a caller gone away fails with HttpClosedException.
        return cause instanceof DecoderException || cause instanceof IllegalArgumentException;
    }
}
