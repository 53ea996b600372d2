package org.chorus.gateway.routing;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.impl.ConnectionBase;

/**
 * What Vert.x's public API does not tell of a caller's connection: whether it is still open before Vert.x has told
 * the request, and writing out now what it holds back while it handles what it read.
 */
final class CallerConnection {

    private CallerConnection() {
    }

    /**
     * Whether the caller's connection has closed. Its request and answer are told only once the close is handled, a
     * turn of the event loop after the proxy has already reset the service's request because of it.
     */
    static boolean closed(HttpServerRequest request) {
        return request.connection() instanceof ConnectionBase connection && !connection.channel().isActive();
    }

    /**
     * Sends what has been written to the caller now. While Vert.x handles what it read it holds writes back until the
     * read is over, and a body it cannot decode closes the connection before that, dropping them unsent.
     */
    static void sendNow(HttpServerRequest request) {
        if (request.connection() instanceof ConnectionBase connection) {
            connection.flush();
        }
    }
}
