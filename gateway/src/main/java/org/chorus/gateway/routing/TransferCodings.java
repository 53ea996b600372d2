package org.chorus.gateway.routing;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/**
 * Refuses a request body in a transfer coding other than chunked (gzip, deflate, compress, or a chain ending in
 * chunked): neither the gateway nor the services decode them, and the reverse proxy would answer with an empty 400.
 * RFC 9112 (6.1) asks for 501 Not Implemented; the detail says what to send instead.
 */
final class TransferCodings {

    private TransferCodings() {
    }

    /** Why the request's Transfer-Encoding is refused, or null when it has none or only chunked. */
    static String refusal(HttpServerRequest request) {
        String coding = request.getHeader(HttpHeaders.TRANSFER_ENCODING);
        if (coding == null || coding.strip().equalsIgnoreCase("chunked")) {
            return null;
        }
        return "Transfer-Encoding: only chunked is understood, not '" + coding.strip() + "'. Send the body as it is, "
                + "with Content-Length or Transfer-Encoding: chunked";
    }
}
