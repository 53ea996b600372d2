package org.chorus.gateway.openapi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.chorus.gateway.GatewayConfig;
import org.chorus.gateway.compression.WholeBodies;
import org.chorus.gateway.routing.GatewayProblem;
import org.chorus.gateway.routing.ProblemResponses;
import org.chorus.platform.web.RequestIds;
import org.jboss.logging.Logger;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves the merged document at {@code /q/openapi}, where callers expect a Quarkus service's document, and where the
 * Swagger UI is pointed. The gateway's own, empty, document is moved out of the way in configuration.
 */
@ApplicationScoped
public class OpenApiRoute {

    private static final Logger LOG = Logger.getLogger(OpenApiRoute.class);
    static final String PATH = "/q/openapi";

    private final MergedOpenApi merged;
    private final ProblemResponses problems;
    private final boolean compress;

    public OpenApiRoute(MergedOpenApi merged, ProblemResponses problems, GatewayConfig config) {
        this.merged = merged;
        this.problems = problems;
        this.compress = config.compression().enabled();
    }

    void install(@Observes Router router) {
        router.get(PATH).handler(this::serve);
    }

    private void serve(RoutingContext context) {
        String requestId = RequestIds.acceptOrCreate(context.request().getHeader(RequestIds.HEADER));
        boolean yaml = wantsYaml(context);
        merged.document().onComplete(result -> {
            if (result.failed()) {
                LOG.errorf(result.cause(), "Could not merge the OpenAPI documents for request %s", requestId);
                problems.send(context.response(), GatewayProblem.INTERNAL,
                        "The API document could not be put together; retry in a moment", requestId);
                return;
            }
            context.response()
                    .putHeader(HttpHeaders.CONTENT_TYPE, yaml ? "application/yaml;charset=UTF-8" : "application/json;charset=UTF-8")
                    .putHeader(RequestIds.HEADER, requestId);
            send(context, yaml ? result.result().yaml() : result.result().json());
        });
    }

    /** Gzip-coded to a caller that accepts it (a browser showing the Swagger UI): 28 KB instead of 246. */
    private void send(RoutingContext context, MergedOpenApi.Representation document) {
        HttpServerResponse response = context.response();
        if (compress) {
            response.putHeader("Vary", "Accept-Encoding");
        }
        if (compress && WholeBodies.gzipAccepted(context.request())) {
            response.putHeader("Content-Encoding", "gzip").end(Buffer.buffer(document.gzipped()));
        } else {
            response.end(Buffer.buffer(document.bytes()));
        }
    }

    /** JSON unless YAML is asked for, by {@code ?format=yaml} or, without a format, by the Accept header. */
    private static boolean wantsYaml(RoutingContext context) {
        String format = context.request().getParam("format");
        if (format != null) {
            return format.equalsIgnoreCase("yaml") || format.equalsIgnoreCase("yml");
        }
        String accept = context.request().getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains("yaml") && !accept.contains("json");
    }
}
