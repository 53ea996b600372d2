package org.chorus.gateway.limits;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;

/**
 * Ends the connection of a request whose body the gateway refused to read. Left open, the server would go on reading
 * and discarding the rest of the body for as long as a caller keeps sending it, and the caller's next request on the
 * connection would wait behind it.
 */
public final class UnreadBody {

    private UnreadBody() {
    }

    /** Tells the caller, while it still can, that the connection ends with this answer. */
    public static void announceClose(HttpServerResponse response) {
        if (!response.headWritten()) {
            response.putHeader(HttpHeaders.CONNECTION, "close");
        }
    }

    /** Closes the connection once the answer is out; a stream of HTTP/2 ends alone, the connection is shared. */
    public static void closeWhenAnswered(HttpServerRequest request) {
        if (request.version() != HttpVersion.HTTP_2 && request.response().ended()) {
            request.connection().close();
        }
    }
}
