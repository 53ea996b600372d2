package org.chorus.platform.web.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/** A 503 tells the caller when to try again, whichever part of a service refused the request; a bad body says how to mend it. */
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
    void anUnknownFieldIsNamedWithTheFieldsTheObjectTakes() {
        var reading = assertThrows(UnrecognizedPropertyException.class, () -> new ObjectMapper()
                .readValue("{\"answers\": {\"q1\": {\"optionIds\": [\"a\"]}}}", Submission.class));

        Problem problem = (Problem) new ProblemMappers(null).unreadableField(reading).getEntity();

        assertEquals(400, problem.status());
        assertEquals("/answers/q1/optionIds: unknown field 'optionIds'; the fields here are choices, ranking, text",
                problem.detail());
    }

    @Test
    void anEnumsNameWrittenAsPeopleWriteItIsRefusedWithTheNameItWasNear() {
        var reading = assertThrows(InvalidFormatException.class, () -> new ObjectMapper()
                .readValue("{\"status\": \"not taken forward\"}", Action.class));

        Problem problem = (Problem) new ProblemMappers(null).unreadableField(reading).getEntity();

        assertEquals("/status: expected one of [PLANNED, IN_PROGRESS, DONE, NOT_TAKEN_FORWARD]; did you mean "
                + "NOT_TAKEN_FORWARD?", problem.detail());
    }

    record Submission(Map<String, Choice> answers) {
    }

    enum Status { PLANNED, IN_PROGRESS, DONE, NOT_TAKEN_FORWARD }

    record Action(Status status) {
    }

    record Choice(List<String> ranking, List<String> choices, String text) {
    }

    @Test
    void otherProblemsSayNothingOfRetrying() {
        Response answer = ProblemMappers.respond(ProblemException.conflict("taken"));

        assertEquals(409, answer.getStatus());
        assertNull(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
    }
}
