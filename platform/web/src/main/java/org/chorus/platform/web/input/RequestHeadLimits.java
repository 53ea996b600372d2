package org.chorus.platform.web.input;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.chorus.platform.web.problem.ProblemException;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers an over-long request line with 414 and an over-large header block with 431, as problem documents naming the
 * limit. Vert.x's own decoder would answer both bare, before any route runs, and Quarkus 3.34 offers no hook into it
 * (HttpServer.invalidRequestHandler is not reachable), so the decoder's limits are set far above these (see
 * microprofile-config.properties) and this handler, first on the router, enforces the real ones.
 */
@ApplicationScoped
public class RequestHeadLimits implements Handler<RoutingContext> {

    /** After the gateway's security headers (MIN_VALUE + 10), so that its refusals carry them too; before the rest. */
    static final int ORDER = Integer.MIN_VALUE + 20;

    private final RequestHeadLimitsConfig limits;
    private final HeadRefusals refusals;

    public RequestHeadLimits(RequestHeadLimitsConfig limits, HeadRefusals refusals) {
        this.limits = limits;
        this.refusals = refusals;
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this);
    }

    @Override
    public void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        int requestLine = requestLineLength(request);
        if (requestLine > limits.requestLine()) {
            refuse(context, 414, "request-line-too-long", "Request line too long",
                    "The request line (method, path with query, version) may be at most " + limits.requestLine()
                            + " bytes (chorus.http.limits.request-line); this one has " + requestLine + ".");
            return;
        }
        long headers = headerBlockLength(request);
        if (headers > limits.headers().asLongValue()) {
            refuse(context, 431, "headers-too-large", "Request headers too large",
                    "The request headers may be at most " + limits.headers().asLongValue()
                            + " bytes together (chorus.http.limits.headers); these have " + headers + ".");
            return;
        }
        context.next();
    }

    /** As the HTTP decoder counts it: the line without its line break. */
    private static int requestLineLength(HttpServerRequest request) {
        return request.method().name().length() + 1 + request.uri().length() + 1 + request.version().alpnName().length();
    }

    /** As the HTTP decoder counts it: every "Name: value" line, without line breaks. */
    private static long headerBlockLength(HttpServerRequest request) {
        long length = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            length += header.getKey().length() + 2 + header.getValue().length();
        }
        return length;
    }

    private void refuse(RoutingContext context, int status, String slug, String title, String detail) {
        refusals.refuse(context, new ProblemException(status, slug, title, detail));
    }
}
