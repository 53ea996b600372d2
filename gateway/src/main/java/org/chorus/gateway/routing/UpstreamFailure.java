package org.chorus.gateway.routing;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.StreamResetException;

/** Why a request to a service got no answer, which decides whether it may be sent again and what the caller hears. */
enum UpstreamFailure {

    /** No connection could be made, so nothing was sent: any other replica may take the request, whatever it is. */
    REFUSED,

    /**
     * The connection ended before the service answered: typically a pooled connection the service closed just as the
     * gateway reused it. The service may or may not have seen the request.
     */
    CLOSED,

    /** The service accepted the request but stayed silent for longer than the gateway waits. */
    TIMED_OUT,

    /** Anything else: the service answered with something that is not HTTP. */
    BROKEN;

    /** Classifies a failure of the request, before any response byte arrived. */
    static UpstreamFailure of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException) {
                return TIMED_OUT;
            }
            // Before IOException: a refused connection is one, but nothing was sent on it.
            if (cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof NoRouteToHostException) {
                return REFUSED;
            }
            // A reset or a closed channel, depending on whether the write or the close was noticed first.
            if (cause instanceof HttpClosedException || cause instanceof IOException) {
                return CLOSED;
            }
            // The proxy resets its request when writing the body fails; with HTTP/1.1 to the services that happens
            // when the connection ended, and the reset may be noticed before the close.
            if (cause instanceof StreamResetException) {
                return CLOSED;
            }
        }
        return BROKEN;
    }

    /** What the caller is told when the request is not (or no longer) sent again. */
    GatewayProblem problem() {
        return switch (this) {
            case REFUSED, CLOSED -> GatewayProblem.SERVICE_UNAVAILABLE;
            case TIMED_OUT -> GatewayProblem.GATEWAY_TIMEOUT;
            case BROKEN -> GatewayProblem.BAD_GATEWAY;
        };
    }
}
