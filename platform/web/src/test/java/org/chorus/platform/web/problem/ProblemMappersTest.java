package org.chorus.platform.web.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

/** A 503 tells the caller when to try again, whichever part of a service refused the request. */
class ProblemMappersTest {

    @Test
    void everyUnavailableProblemSaysWhenToRetry() {
        Response answer = ProblemMappers.respond(ProblemException.unavailable("shutting down"));

        assertEquals(503, answer.getStatus());
        assertEquals(String.valueOf(ProblemMappers.RETRY_AFTER_SECONDS),
                String.valueOf(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)));
        assertEquals(Problem.MEDIA_TYPE, String.valueOf(answer.getMediaType()));
    }

    @Test
    void otherProblemsSayNothingOfRetrying() {
        Response answer = ProblemMappers.respond(ProblemException.conflict("taken"));

        assertEquals(409, answer.getStatus());
        assertNull(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
    }
}
