package org.chorus.platform.web.input;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.chorus.platform.web.RequestIds;
import org.chorus.platform.web.problem.ProblemException;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses a head whose header lines leave open what was meant, where Chorus would otherwise read the first line and
 * pass the rest over: two Authorization lines are two callers, two Content-Type lines two readings of one body, two
 * Host lines two servers (RFC 9112 3.2 asks for a 400; behind the gateway, Quarkus has already set Host to the
 * forwarded one). Headers an operation declares (Idempotency-Key, the erasure token) are checked by
 * {@link ParameterForms} from the declaration. The lines of a list-valued If-Match are joined into one, as RFC 9110
 * 5.3 lets a recipient do, since JAX-RS would hand an operation only the first.
 */
@ApplicationScoped
public class HeaderLines implements Handler<RoutingContext> {

    /** After the head limits, before a body is read ahead. */
    static final int ORDER = RequestHeadLimits.ORDER + 1;

    /** The headers HTTP gives one value that Chorus reads outside an operation's declared parameters. */
    static final List<String> ONE_VALUED = List.of("Host", "Authorization", "Content-Type", "Origin",
            RequestIds.HEADER, "Access-Control-Request-Method", "Sec-Fetch-Site");

    /** The list-valued headers an operation reads as one string. */
    static final List<String> JOINED = List.of("If-Match");

    private final HeadRefusals refusals;

    public HeaderLines(HeadRefusals refusals) {
        this.refusals = refusals;
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this);
    }

    @Override
    public void handle(RoutingContext context) {
        MultiMap headers = context.request().headers();
        for (String name : ONE_VALUED) {
            if (headers.getAll(name).size() > 1) {
                refusals.refuse(context, ProblemException.invalidParameter(name, ParameterForms.ONCE));
                return;
            }
        }
        for (String name : JOINED) {
            List<String> lines = headers.getAll(name);
            if (lines.size() > 1) {
                headers.set(name, String.join(", ", lines));
            }
        }
        context.next();
    }
}
