package org.chorus.platform.web.input;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.platform.web.RequestIds;
import org.chorus.platform.web.problem.Problem;
import org.chorus.platform.web.problem.ProblemException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers a request refused for its head, before JAX-RS and its exception mappers are reached, with the same problem
 * document they would give.
 */
@ApplicationScoped
public class HeadRefusals {

    private final ObjectMapper mapper;

    public HeadRefusals(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Answers and closes the connection: a body the caller may be sending after this head is never read. */
    void refuse(RoutingContext context, ProblemException refusal) {
        String requestId = RequestIds.acceptOrCreate(context.request().getHeader(RequestIds.HEADER));
        Buffer body;
        try {
            body = Buffer.buffer(mapper.writeValueAsBytes(refusal.toProblem(requestId)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem document could not be written", e);
        }
        context.response().setStatusCode(refusal.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(RequestIds.HEADER, requestId)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body)
                .onComplete(sent -> context.request().connection().close());
    }
}
