package org.chorus.gateway.routing;

import java.util.List;
import java.util.stream.Collectors;

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

    /**
     * Why the request's Transfer-Encoding is refused, or null when it has none or only chunked. Its lines are read as
     * one list, as RFC 9110 (5.3) reads a field sent on several lines.
     */
    static String refusal(HttpServerRequest request) {
        List<String> lines = request.headers().getAll(HttpHeaders.TRANSFER_ENCODING);
        String coding = lines.stream().map(String::strip).collect(Collectors.joining(", "));
        if (lines.isEmpty() || coding.equalsIgnoreCase("chunked")) {
            return null;
        }
        return "Transfer-Encoding: only chunked is understood, not '" + coding + "'. Send the body as it is, "
                + "with Content-Length or Transfer-Encoding: chunked";
    }
}
