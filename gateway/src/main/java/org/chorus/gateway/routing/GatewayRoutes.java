package org.chorus.gateway.routing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;

/** Puts the proxy on Quarkus' own HTTP server, so health, metrics and the API share one port and one event loop. */
@ApplicationScoped
public class GatewayRoutes {

    /** Everything under /api, so that an unknown version or resource also gets a problem document. */
    static final String API_PATH = "/api/*";

    void install(@Observes Router router, ProxyRouteHandler handler) {
        router.route(API_PATH).handler(handler);
    }
}
