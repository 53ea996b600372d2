package org.chorus.gateway.routing;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.gateway.keys.ApiKeyAuthenticator;
import org.chorus.gateway.keys.Authentication;
import org.chorus.gateway.limits.UnreadBody;
import org.chorus.gateway.origins.OriginPolicy;
import org.chorus.gateway.ratelimit.RateLimiter;
import org.chorus.gateway.token.InternalTokenIssuer;
import org.chorus.platform.events.contract.ApiKeyData;
import org.chorus.platform.web.RequestIds;
import org.jboss.logging.Logger;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * The gateway's request path: find the owning service, check the caller's key, and hand the request on with an
 * internal token in place of the key. Runs on the event loop and never blocks.
 */
@ApplicationScoped
public class ProxyRouteHandler implements Handler<RoutingContext> {

    private static final Logger LOG = Logger.getLogger(ProxyRouteHandler.class);

    private final RouteTable routes;
    private final ApiKeyAuthenticator authenticator;
    private final InternalTokenIssuer tokens;
    private final ProblemResponses problems;
    private final OriginPolicy origins;
    private final RateLimiter rateLimiter;
    private final ForwardedClients clients;

    public ProxyRouteHandler(RouteTable routes, ApiKeyAuthenticator authenticator, InternalTokenIssuer tokens,
            ProblemResponses problems, OriginPolicy origins, RateLimiter rateLimiter, ForwardedClients clients) {
        this.clients = clients;
        this.routes = routes;
        this.authenticator = authenticator;
        this.tokens = tokens;
        this.problems = problems;
        this.origins = origins;
        this.rateLimiter = rateLimiter;
    }

    @Override
    public void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        String requestId = RequestIds.acceptOrCreate(request.getHeader(RequestIds.HEADER));
        MalformedChunks.answerOn(request, problems, requestId);
        String unclear = CanonicalPath.refusal(request.path());
        if (unclear != null) {
            MetricsTemplate.set("/api/{unclear}");
            problems.send(context.response(), GatewayProblem.UNCLEAR_PATH, unclear, requestId);
            return;
        }
        // Routed on the normalised path, which still decodes escaped letters and digits the service decodes too.
        RouteTable.Route route = routes.resolve(context.normalizedPath());
        MetricsTemplate.set(route == null ? "/api/{unknown}" : route.prefix() + "/{path}");
        if (route == null) {
            problems.send(context.response(), GatewayProblem.NOT_FOUND,
                    "No API operation is served at " + context.normalizedPath(), requestId);
            return;
        }
        String coding = TransferCodings.refusal(request);
        if (coding != null) {
            UnreadBody.announceClose(context.response());
            problems.send(context.response(), GatewayProblem.TRANSFER_CODING_NOT_IMPLEMENTED, coding, requestId);
            return;
        }
        Authentication authentication = authenticator.authenticate(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (!authentication.accepted()) {
            Authentication.Refusal refusal = authentication.refusal();
            GatewayProblem problem = refusal == Authentication.Refusal.NOT_READY
                    ? GatewayProblem.NOT_READY
                    : GatewayProblem.UNAUTHENTICATED;
            problems.send(context.response(), problem, refusal.detail(), requestId);
            return;
        }
        String client = clients.of(request);
        if (admitted(context, authentication.key(), client, requestId)) {
            forward(context, route, authentication.key(), client, requestId);
        }
    }

    /** Hands the request on with an internal token in place of the caller's key. */
    private void forward(RoutingContext context, RouteTable.Route route, ApiKeyData key, String client,
            String requestId) {
        HttpServerRequest request = context.request();
        String token;
        try {
            token = tokens.tokenFor(key, route.upstream().name());
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not sign an internal token for request %s", requestId);
            problems.send(context.response(), GatewayProblem.INTERNAL,
                    "Something went wrong on our side. Quote the request id when asking for help.", requestId);
            return;
        }
        // The proxy copies the caller's headers when it starts, so this is where the caller's key is replaced.
        MultiMap headers = request.headers();
        headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        headers.set(RequestIds.HEADER, requestId);
        // The client the rate limits counted, for the service's audit trail: never what the caller wrote itself.
        // ForwardingInterceptor copies it to the service's request after clearing every forwarding header there.
        if (client != null) {
            headers.set(ForwardingInterceptor.FORWARDED_FOR, client);
        } else {
            headers.remove(ForwardingInterceptor.FORWARDED_FOR);
        }
        if ("100-continue".equalsIgnoreCase(headers.get(HttpHeaders.EXPECT))) {
            // Answered here, once the key is known good: the service's own 100 would stop at the proxy, and the
            // caller would wait out its timeout before sending the body.
            headers.remove(HttpHeaders.EXPECT);
            request.response().writeContinue();
        }
        route.upstream().proxy().handle(new ClosingResetRequest(request));
    }

    /** The checks on a known key: where it is used from, and how often. Refuses the request when one fails. */
    private boolean admitted(RoutingContext context, ApiKeyData key, String client, String requestId) {
        HttpServerRequest request = context.request();
        OriginPolicy.Verdict verdict = origins.check(key, request);
        if (verdict != OriginPolicy.Verdict.ALLOWED) {
            GatewayProblem problem = verdict == OriginPolicy.Verdict.ORGANISATION_INACTIVE
                    ? GatewayProblem.ORGANISATION_INACTIVE
                    : GatewayProblem.ORIGIN_NOT_ALLOWED;
            problems.send(context.response(), problem, verdict.detail(), requestId);
            return false;
        }
        RateLimiter.Decision decision = rateLimiter.check(key, request.method(), context.normalizedPath(), client);
        if (!decision.allowed()) {
            context.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
            problems.send(context.response(), GatewayProblem.RATE_LIMITED, decision.detail(), requestId);
            return false;
        }
        return true;
    }
}
