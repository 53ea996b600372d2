package org.chorus.gateway.headers;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.gateway.GatewayConfig;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Puts the browser security headers on every response the gateway writes, its own or a service's. They are set as
 * the headers are written, not when the request arrives, because the proxy adds a service's headers to whatever is
 * already there and a service's own value would otherwise stand beside the gateway's.
 */
@ApplicationScoped
public class SecurityHeaders implements Handler<RoutingContext> {

    /** The example survey page and its files (src/main/resources/META-INF/resources/examples). */
    static final String EXAMPLES = "/examples/";

    private final GatewayConfig.Headers config;

    public SecurityHeaders(GatewayConfig config) {
        this.config = config.headers();
    }

    @Override
    public void handle(RoutingContext context) {
        String path = context.normalizedPath();
        boolean https = "https".equals(context.request().scheme());
        context.addHeadersEndHandler(ignored -> apply(context.response().headers(), path, https));
        context.next();
    }

    private void apply(MultiMap headers, String path, boolean https) {
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Frame-Options", "DENY");
        if (path.startsWith("/q/swagger-ui")) {
            headers.set("Content-Security-Policy", config.swaggerUiContentSecurityPolicy());
        } else if (path.startsWith(EXAMPLES)) {
            headers.set("Content-Security-Policy", config.examplesContentSecurityPolicy());
        } else {
            // Nothing else the gateway serves is a page: JSON, YAML and problems need no sources at all.
            headers.set("Content-Security-Policy", config.contentSecurityPolicy());
        }
        if (https) {
            // Sent over plain http it would be ignored by browsers at best, and would pin a test host to https at worst.
            headers.set("Strict-Transport-Security", config.strictTransportSecurity());
        }
        if (path.startsWith("/api/") && !headers.contains(HttpHeaders.CACHE_CONTROL)) {
            // API answers are per caller; a shared cache must not hand one partner's answer to another.
            headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }
}
