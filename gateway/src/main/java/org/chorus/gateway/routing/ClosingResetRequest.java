package org.chorus.gateway.routing;

import io.quarkus.vertx.http.runtime.filters.AbstractResponseWrapper;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.core.http.impl.HttpServerRequestWrapper;

/**
 * The caller's request as the proxy is given it, so that an answer the proxy gives up on (the caller or the service
 * went away while it was being sent) ends the exchange for everything waiting on it. The proxy resets the answer, and
 * Vert.x's reset of an HTTP/1.x answer marks it closed without telling its end and close handlers; when the
 * connection then closes they are not told either. Quarkus counts the request as running from then on, and every stop
 * of the gateway waited its whole shutdown timeout for it. Here the reset closes the connection instead, as the
 * caller's leaving would, and Vert.x tells every handler; the caller sees the answer cut, never a whole one. (The
 * proxy's own type check needs the internal request type.)
 */
final class ClosingResetRequest extends HttpServerRequestWrapper {

    private final HttpServerResponse response;

    ClosingResetRequest(HttpServerRequest caller) {
        super((HttpServerRequestInternal) caller);
        this.response = new ClosingResetResponse(caller);
    }

    @Override
    public HttpServerResponse response() {
        return response;
    }

    private static final class ClosingResetResponse extends AbstractResponseWrapper {

        private final HttpServerRequest caller;

        ClosingResetResponse(HttpServerRequest caller) {
            super(caller.response());
            this.caller = caller;
        }

        @Override
        public boolean reset() {
            return reset(0);
        }

        @Override
        public boolean reset(long code) {
            if (caller.version() == HttpVersion.HTTP_2) {
                // A stream of HTTP/2 is reset alone; the connection is shared with other requests.
                return super.reset(code);
            }
            if (ended()) {
                return false;
            }
            caller.connection().close();
            return true;
        }
    }
}
