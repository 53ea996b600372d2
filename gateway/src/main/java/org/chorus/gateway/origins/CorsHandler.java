package org.chorus.gateway.origins;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.gateway.GatewayConfig;
import org.chorus.gateway.routing.GatewayProblem;
import org.chorus.gateway.routing.ProblemResponses;
import org.chorus.platform.web.RequestIds;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Lets browsers on partner websites call the API, and nobody else's pages. A preflight carries no key, so it is
 * answered for any origin some active organisation allows; which key may be used from which origin is decided per
 * request by {@link OriginPolicy}. Services never decide CORS: what they say about it is dropped.
 */
@ApplicationScoped
public class CorsHandler implements Handler<RoutingContext> {

    static final String ALLOW_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE";
    /** Erasure-Token lets a respondent erase their response from the partner's page that took it. */
    static final String ALLOW_HEADERS = "Authorization, Content-Type, Idempotency-Key, If-Match, If-None-Match, "
            + "Erasure-Token, X-Request-Id, Accept-Language";
    static final String EXPOSE_HEADERS = "Location, ETag, Link, X-Request-Id, Retry-After";

    private final OrganisationCache organisations;
    private final ProblemResponses problems;
    private final String maxAgeSeconds;

    public CorsHandler(OrganisationCache organisations, ProblemResponses problems, GatewayConfig config) {
        this.organisations = organisations;
        this.problems = problems;
        this.maxAgeSeconds = Long.toString(config.cors().maxAge().toSeconds());
    }

    @Override
    public void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        boolean allowed = origin != null && organisations.allowedByAnyActive(WebOrigins.canonical(origin));
        if (isPreflight(request)) {
            answerPreflight(context, origin, allowed);
            return;
        }
        // Every answer, refusals and 429s included, so that a partner's page can read why and when to retry.
        context.addHeadersEndHandler(ignored -> decorate(context.response().headers(), allowed ? origin : null));
        context.next();
    }

    static boolean isPreflight(HttpServerRequest request) {
        return request.method() == HttpMethod.OPTIONS && request.getHeader(HttpHeaders.ORIGIN) != null
                && request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) != null;
    }

    private void answerPreflight(RoutingContext context, String origin, boolean allowed) {
        String requestId = RequestIds.acceptOrCreate(context.request().getHeader(RequestIds.HEADER));
        if (!allowed) {
            problems.send(context.response(), GatewayProblem.ORIGIN_NOT_ALLOWED,
                    "Pages of this web origin may not call the API", requestId);
            return;
        }
        MultiMap headers = context.response().headers();
        headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, ALLOW_METHODS)
                .set(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, ALLOW_HEADERS)
                .set(HttpHeaders.ACCESS_CONTROL_MAX_AGE, maxAgeSeconds)
                .set(RequestIds.HEADER, requestId);
        context.addHeadersEndHandler(ignored -> decorate(context.response().headers(), origin));
        context.response().setStatusCode(204).end();
    }

    private static void decorate(MultiMap headers, String allowedOrigin) {
        headers.remove(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
        headers.remove(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS);
        headers.remove(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS);
        addVaryOrigin(headers);
        if (allowedOrigin != null) {
            // Echoed, never "*": the answer is for this page only, and caches keep one per origin thanks to Vary.
            headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, allowedOrigin);
            headers.set(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSE_HEADERS);
        }
    }

    private static void addVaryOrigin(MultiMap headers) {
        for (String vary : headers.getAll(HttpHeaders.VARY)) {
            for (String name : vary.split(",")) {
                String trimmed = name.trim().toLowerCase(Locale.ROOT);
                if (trimmed.equals("origin") || trimmed.equals("*")) {
                    return;
                }
            }
        }
        headers.add(HttpHeaders.VARY, "Origin");
    }
}
