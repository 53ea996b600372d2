package org.chorus.gateway.routing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.chorus.gateway.headers.SecurityHeaders;
import org.chorus.gateway.limits.BodySizeLimit;
import org.chorus.gateway.origins.CorsHandler;

import io.vertx.ext.web.Router;

/** Puts the proxy on Quarkus' own HTTP server, so health, metrics and the API share one port and one event loop. */
@ApplicationScoped
public class GatewayRoutes {

    /** Everything under /api, so that an unknown version or resource also gets a problem document. */
    static final String API_PATH = "/api/*";

    /** Before Quarkus' own handlers, so that every answer has the headers, Swagger UI and OpenAPI included. */
    static final int SECURITY_HEADERS_ORDER = Integer.MIN_VALUE + 10;
    /** Before Quarkus' own body limit (order -2), which would answer 413 with no problem document. */
    static final int BODY_LIMIT_ORDER = -10;
    /** Before the body limit, so that a partner's page can read a 413 too. */
    static final int CORS_ORDER = -15;

    void install(@Observes Router router, SecurityHeaders headers, BodySizeLimit bodyLimit, CorsHandler cors,
            ProxyRouteHandler handler) {
        router.route().order(SECURITY_HEADERS_ORDER).handler(headers);
        router.route().order(BODY_LIMIT_ORDER).handler(bodyLimit);
        router.route(API_PATH).order(CORS_ORDER).handler(cors);
        router.route(API_PATH).handler(handler);
    }
}
