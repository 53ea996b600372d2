package org.chorus.gateway.routing;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.gateway.GatewayConfig;
import org.chorus.platform.web.RequestIds;
import org.chorus.platform.web.problem.Problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;

/** Writes the gateway's own refusals as RFC 9457 documents, the same shape every service uses. */
@ApplicationScoped
public class ProblemResponses {

    private final ObjectMapper mapper;
    private final String retryAfterSeconds;

    public ProblemResponses(ObjectMapper mapper, GatewayConfig config) {
        this.mapper = mapper;
        this.retryAfterSeconds = Long.toString(Math.max(1, config.upstream().retryAfter().toSeconds()));
    }

    /**
     * The Retry-After of a problem: every 503 says when to come back, since what is unavailable now recovers by
     * itself. Null for every other problem.
     */
    public String retryAfter(GatewayProblem problem) {
        return problem.status() == 503 ? retryAfterSeconds : null;
    }

    /** The body of a problem document. */
    public Buffer body(GatewayProblem problem, String detail, String requestId) {
        Problem document = new Problem(Problem.TYPE_BASE + problem.slug(), problem.title(), problem.status(), detail,
                requestId, List.of());
        try {
            return Buffer.buffer(mapper.writeValueAsBytes(document));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem document could not be written", e);
        }
    }

    /** Answers the request with a problem document and its request id. */
    public void send(HttpServerResponse response, GatewayProblem problem, String detail, String requestId) {
        if (response.headWritten()) {
            response.reset();
            return;
        }
        response.setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(RequestIds.HEADER, requestId);
        if (problem.status() == 401) {
            response.putHeader("WWW-Authenticate", "Bearer realm=\"chorus\"");
        }
        String retryAfter = retryAfter(problem);
        if (retryAfter != null && !response.headers().contains(HttpHeaders.RETRY_AFTER)) {
            response.putHeader(HttpHeaders.RETRY_AFTER, retryAfter);
        }
        response.end(body(problem, detail, requestId));
    }
}
