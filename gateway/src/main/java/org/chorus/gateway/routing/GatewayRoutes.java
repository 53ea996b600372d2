package org.chorus.gateway.routing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.chorus.gateway.headers.SecurityHeaders;
import org.chorus.gateway.limits.BodySizeLimit;
import org.chorus.gateway.origins.CorsHandler;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Puts the proxy on Quarkus' own HTTP server, so the API and its documents share one port and one event loop. Health
 * and metrics are not on it: they are on the management interface, a port of its own on the loopback.
 */
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

    /** The example survey page's folder, served from META-INF/resources/examples with no key needed. */
    static final String EXAMPLES_PATH = "/examples";

    void install(@Observes Router router, SecurityHeaders headers, BodySizeLimit bodyLimit, CorsHandler cors,
            ProxyRouteHandler handler) {
        // Also for a request the router fails before any route runs (no Host, a target that is no path).
        router.route().order(SECURITY_HEADERS_ORDER).handler(headers).failureHandler(headers);
        router.route().order(BODY_LIMIT_ORDER).handler(bodyLimit);
        router.route(API_PATH).order(CORS_ORDER).handler(cors);
        router.route(API_PATH).handler(handler);
        // A regular expression, because a plain path route would also match the folder itself, "/examples/".
        router.getWithRegex(EXAMPLES_PATH).handler(GatewayRoutes::toExamplesFolder);
    }

    /** The page's files are addressed relative to the folder, so without its slash the page would find none of them. */
    private static void toExamplesFolder(RoutingContext context) {
        String query = context.request().query();
        context.response().setStatusCode(301)
                .putHeader(HttpHeaders.LOCATION, EXAMPLES_PATH + "/" + (query == null ? "" : "?" + query))
                .end();
    }
}
