package org.chorus.platform.web.input;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.chorus.platform.web.problem.ProblemException;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers the two requests Vert.x's router refuses before any route runs as problem documents: an HTTP/1.1 request
 * without a Host it can read (where no forwarded header stands in for it, as at the gateway), which Quarkus' error
 * handler would answer with a JSON body of its own and log as an ERROR, and a request target that is not a path
 * ({@code GET api/v1/places}), answered with a bare 404. Any other failure goes on to the handlers after this one.
 */
@ApplicationScoped
public class RouterFailures implements Handler<RoutingContext> {

    static final String HOST_RULE = "is required in an HTTP/1.1 request, naming the server";

    private final HeadRefusals refusals;

    public RouterFailures(HeadRefusals refusals) {
        this.refusals = refusals;
    }

    void install(@Observes Router router) {
        router.route().order(RequestHeadLimits.ORDER).failureHandler(this);
    }

    @Override
    public void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (context.response().headWritten()) {
            context.next();
        } else if (context.statusCode() == 400 && request.version() != HttpVersion.HTTP_1_0
                && request.authority() == null) {
            refusals.refuse(context, ProblemException.invalidParameter("Host", HOST_RULE));
        } else if (context.statusCode() == 404 && context.failure() == null && !isPath(request.path())) {
            refusals.refuse(context, new ProblemException(404, "404", "Not Found",
                    "The request target must be a path starting with /, e.g. /api/v1/surveys"));
        } else {
            context.next();
        }
    }

    private static boolean isPath(String path) {
        return path != null && path.startsWith("/");
    }
}
