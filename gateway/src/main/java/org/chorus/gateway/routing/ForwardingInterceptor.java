package org.chorus.gateway.routing;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import org.chorus.gateway.limits.BodySizeLimit;
import org.chorus.gateway.limits.LimitedBody;
import org.chorus.gateway.limits.UnreadBody;
import org.chorus.platform.web.RequestIds;
import org.chorus.platform.web.problem.Problem;
import org.jboss.logging.Logger;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/**
 * What the gateway adds to plain reverse proxying of one service: hop-by-hop hygiene the proxy leaves out, the
 * request id on the way back, one more attempt where a closed connection lost a request that may be repeated, and
 * problem documents instead of an empty 502 when the service cannot answer.
 */
final class ForwardingInterceptor implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(ForwardingInterceptor.class);

    /** Where the route handler puts the client it counted; see {@link ProxyRouteHandler}. */
    static final String FORWARDED_FOR = "X-Forwarded-For";

    /** Headers through which a service learns the public address it is reached at; only the gateway may set them. */
    private static final List<String> FORWARDING = List.of("forwarded", "x-forwarded-for", "x-forwarded-host",
            "x-forwarded-proto", "x-forwarded-port", "x-forwarded-prefix", "x-forwarded-server", "x-forwarded-ssl");

    /** RFC 9110 hop-by-hop headers; the proxy drops them from requests but passes them back in responses. */
    private static final List<String> HOP_BY_HOP = List.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "upgrade", "proxy-connection");

    private final String service;
    private final ProblemResponses problems;
    private final long maxBodyBytes;
    private final long replayableBytes;
    private final UpstreamMetrics metrics;
    private final Replicas replicas;
    private final Optional<URI> publicUrl;

    /**
     * @param maxBodyBytes the largest body a caller may send
     * @param replayableBytes the largest body held in memory so that the request can be sent a second time
     * @param publicUrl where callers reach the gateway, told to the services in place of the caller's Host
     */
    ForwardingInterceptor(String service, Replicas replicas, ProblemResponses problems, long maxBodyBytes,
            long replayableBytes, UpstreamMetrics metrics, Optional<URI> publicUrl) {
        this.service = service;
        this.publicUrl = publicUrl;
        this.replicas = replicas;
        this.metrics = metrics;
        this.problems = problems;
        this.maxBodyBytes = maxBodyBytes;
        this.replayableBytes = replayableBytes;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        MultiMap headers = context.request().headers();
        stripHopByHop(headers);
        // A caller naming them in its Connection header must not strip what the gateway itself set.
        HttpServerRequest caller = context.request().proxiedRequest();
        headers.set(HttpHeaders.AUTHORIZATION, caller.getHeader(HttpHeaders.AUTHORIZATION));
        headers.set(RequestIds.HEADER, caller.getHeader(RequestIds.HEADER));
        tellPublicAddress(headers, caller);
        Body body = context.request().getBody();
        LimitedBody limited = LimitedBody.wrap(body, maxBodyBytes);
        if (limited == null) {
            return context.sendRequest().recover(failure -> nextTurn().map(turn -> callerDone(caller)
                    ? nothingToSend(context)
                    : failed(context, failure)));
        }
        // A service may answer before the body has all arrived; then the connection is closed once both are over.
        limited.onExceeded(() -> UnreadBody.closeWhenAnswered(caller)).giveUpWhen(() -> callerDone(caller));
        context.set(LimitedBody.class.getName(), limited);
        Future<ProxyResponse> sent;
        if (RetrySafety.allowsRetry(caller.method(), headers)
                && ReplayableBody.fits(caller, body.length(), replayableBytes)) {
            sent = ReplayableBody.read(limited, body.length()).compose(replayable -> sendReplayable(context, replayable));
        } else {
            chunkWhenLengthUnknown(caller, body.length());
            context.request().setBody(Body.body(limited, body.length()));
            sent = context.sendRequest();
        }
        return sent.recover(failure -> nextTurn().map(turn -> callerDone(caller) ? nothingToSend(context)
                : limited.exceeded() ? tooLarge(context)
                : failed(context, limited.failure() != null ? limited.failure() : failure)));
    }

    /**
     * An HTTP/2 caller need not announce its body's length, but the services speak HTTP/1.1, where a body of unknown
     * length must be chunked. The proxy chunks only when the caller's own headers say Transfer-Encoding: chunked, and
     * otherwise sends neither length nor chunks, which the client refuses at the first chunk, so it is told here.
     */
    private static void chunkWhenLengthUnknown(HttpServerRequest caller, long length) {
        if (length < 0 && caller.version() == HttpVersion.HTTP_2) {
            caller.headers().set(HttpHeaders.TRANSFER_ENCODING, HttpHeaders.CHUNKED);
        }
    }

    /**
     * Sends a request that may be repeated, and repeats it once, on a new connection, when the first connection
     * closed before the service answered: a pooled connection the service closed just as the gateway reused it.
     */
    private Future<ProxyResponse> sendReplayable(ProxyContext context, ReplayableBody body) {
        context.request().setBody(body.body());
        return context.sendRequest().recover(failure -> UpstreamFailure.of(failure) != UpstreamFailure.CLOSED
                ? Future.failedFuture(failure)
                : nextTurn().compose(turn -> sendAgainUnlessCallerIsGone(context, body, failure)));
    }

    /**
     * A caller gone makes the proxy reset the service's request, which reads as the service closing the connection;
     * asking again would run (and audit) an export for nobody.
     */
    private Future<ProxyResponse> sendAgainUnlessCallerIsGone(ProxyContext context, ReplayableBody body,
            Throwable failure) {
        if (callerDone(context.request().proxiedRequest())) {
            return Future.failedFuture(failure);
        }
        LOG.infof("Request %s: the %s service closed the connection before answering (%s); sending it again",
                requestId(context), service, failure.getMessage());
        metrics.retried(service);
        return SecondAttempt.send(context, body, replicas);
    }

    /**
     * Completes on the event loop's next turn, after what it is handling now: a failure caused by the caller's leaving
     * reaches the proxy while Vert.x is still handling the leaving, before it closes the connection.
     */
    private static Future<Void> nextTurn() {
        Context loop = Vertx.currentContext();
        if (loop == null) {
            return Future.succeededFuture();
        }
        Promise<Void> turn = Promise.promise();
        loop.runOnContext(turn::complete);
        return turn.future();
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        ProxyResponse response = context.response();
        stripHopByHop(response.headers());
        response.putHeader(RequestIds.HEADER, requestId(context));
        leaveOutTheBodyOfAnAnswerThatHasNone(response);
        LimitedBody limited = context.get(LimitedBody.class.getName(), LimitedBody.class);
        HttpServerRequest caller = context.request().proxiedRequest();
        if (limited != null && limited.exceeded()) {
            UnreadBody.announceClose(caller.response());
        }
        return context.sendResponse().onComplete(sent -> {
            if (limited != null && limited.exceeded()) {
                UnreadBody.closeWhenAnswered(caller);
            }
        });
    }

    /**
     * Services build Location and Link headers from these, so that callers are sent to the gateway, never to a
     * service's internal address.
     */
    private void tellPublicAddress(MultiMap headers, HttpServerRequest caller) {
        FORWARDING.forEach(headers::remove);
        if (publicUrl.isPresent()) {
            URI url = publicUrl.get();
            forwardAddress(headers, url.getScheme(), url.getHost(), url.getPort());
        } else if (caller.authority() != null) {
            forwardAddress(headers, caller.scheme(), caller.authority().host(), caller.authority().port());
        } else {
            headers.set("X-Forwarded-Proto", caller.scheme());
        }
        // Set by the route handler on the caller's request, in place of whatever the caller sent.
        String client = caller.getHeader(FORWARDED_FOR);
        if (client != null) {
            headers.set(FORWARDED_FOR, client);
        }
    }

    private static void forwardAddress(MultiMap headers, String scheme, String host, int port) {
        headers.set("X-Forwarded-Proto", scheme);
        headers.set("X-Forwarded-Host", port > 0 ? host + ":" + port : host);
        if (port > 0) {
            headers.set("X-Forwarded-Port", Integer.toString(port));
        }
    }

    private ProxyResponse failed(ProxyContext context, Throwable failure) {
        String requestId = requestId(context);
        UpstreamFailure kind = UpstreamFailure.of(failure);
        String detail = switch (kind) {
            case REFUSED -> "The " + service + " service is unavailable; retry later";
            case CLOSED -> "The " + service + " service closed the connection before answering; retry later, with the "
                    + "same Idempotency-Key if the request creates or changes something";
            case TIMED_OUT -> "The " + service + " service did not answer in time";
            case BROKEN -> "The " + service + " service failed to answer";
        };
        GatewayProblem problem = kind.problem();
        metrics.failed(service, kind);
        LOG.warnf("Request %s to the %s service failed with %d: %s", requestId, service, problem.status(),
                failure.getMessage());
        return problem(context, problem, detail, requestId);
    }

    /**
     * Whether the caller is done with this exchange before the service answered: the gateway answered it itself while
     * its body was on the way (MalformedChunks), or it went away (a phone losing its signal mid-submission): its
     * connection closed, or, on HTTP/2, its stream reset while the connection stays for its other streams. Asked on the
     * turn after a failure, once a caller's leaving that caused it has closed the connection or the stream.
     */
    private static boolean callerDone(HttpServerRequest caller) {
        return caller.response().ended() || caller.response().closed() || CallerConnection.closed(caller);
    }

    /**
     * A request given up because its caller is done: the service request has been abandoned, and nobody waits for an
     * answer. Not the service's failure, so neither logged nor counted as one.
     */
    private static ProxyResponse nothingToSend(ProxyContext context) {
        return context.request().release().response();
    }

    /** A body that grew past the limit while streaming; the service request has been abandoned. */
    private ProxyResponse tooLarge(ProxyContext context) {
        String requestId = requestId(context);
        UnreadBody.announceClose(context.request().proxiedRequest().response());
        return problem(context, GatewayProblem.PAYLOAD_TOO_LARGE, BodySizeLimit.tooLarge(maxBodyBytes), requestId);
    }

    private ProxyResponse problem(ProxyContext context, GatewayProblem problem, String detail, String requestId) {
        ProxyResponse response = context.request().release().response();
        String retryAfter = problems.retryAfter(problem);
        if (retryAfter != null) {
            response.putHeader(HttpHeaders.RETRY_AFTER, retryAfter);
        }
        return response
                .setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .setBody(Body.body(problems.body(problem, detail, requestId)));
    }

    /**
     * A 304 has no body (RFC 9110), but the proxy frames a body of unknown length as chunks, so it would send
     * {@code Transfer-Encoding: chunked} with none, and Python's http.client (and so requests) would wait for chunks.
     * Without a body the proxy writes the head alone. (Vert.x leaves the framing out of a 204 by itself.)
     */
    private static void leaveOutTheBodyOfAnAnswerThatHasNone(ProxyResponse response) {
        if (response.getStatusCode() == 304) {
            response.setBody(null);
        }
    }

    private static String requestId(ProxyContext context) {
        // Read from the caller's request, where the route handler set it: a released proxy request has no headers.
        return context.request().proxiedRequest().getHeader(RequestIds.HEADER);
    }

    /** Removes the standard hop-by-hop headers and any the sender named in its Connection header. */
    static void stripHopByHop(MultiMap headers) {
        for (String connection : headers.getAll(HttpHeaders.CONNECTION)) {
            for (String named : connection.split(",")) {
                String name = named.trim();
                if (!name.isEmpty()) {
                    headers.remove(name);
                }
            }
        }
        HOP_BY_HOP.forEach(headers::remove);
    }
}
