package org.chorus.gateway.limits;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.gateway.GatewayConfig;
import org.chorus.gateway.routing.GatewayProblem;
import org.chorus.gateway.routing.ProblemResponses;
import org.chorus.platform.web.RequestIds;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses a body announced larger than the limit before a byte of it is read and before any service is asked, so a
 * caller sending 50 MB learns at once, and the gateway spends nothing on it. Bodies without a length are counted as
 * they stream, by {@link LimitedBody}.
 */
@ApplicationScoped
public class BodySizeLimit implements Handler<RoutingContext> {

    private final long maxBytes;
    private final ProblemResponses problems;

    public BodySizeLimit(GatewayConfig config, ProblemResponses problems) {
        this.maxBytes = config.limits().maxBodySize().asLongValue();
        this.problems = problems;
    }

    public long maxBytes() {
        return maxBytes;
    }

    @Override
    public void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && declaredTooLarge(length)) {
            String requestId = RequestIds.acceptOrCreate(request.getHeader(RequestIds.HEADER));
            UnreadBody.announceClose(context.response());
            context.addEndHandler(ended -> UnreadBody.closeWhenAnswered(request));
            problems.send(context.response(), GatewayProblem.PAYLOAD_TOO_LARGE, tooLarge(maxBytes), requestId);
            return;
        }
        context.next();
    }

    private boolean declaredTooLarge(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBytes;
        } catch (NumberFormatException e) {
            // Netty has already refused a malformed length; a number beyond a long is certainly too large.
            return true;
        }
    }

    /** The detail of every 413, so a caller reads the same limit whichever check fired. */
    public static String tooLarge(long maxBytes) {
        return "The request body is larger than the " + maxBytes + " bytes the API accepts";
    }
}
