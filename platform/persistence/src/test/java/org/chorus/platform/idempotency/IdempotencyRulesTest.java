package org.chorus.platform.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Random;

import org.chorus.platform.web.problem.FieldError;
import org.chorus.platform.web.problem.Problem;
import org.chorus.platform.web.problem.ProblemException;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The rules of an Idempotency-Key that need no database: which keys are acceptable, and which retries count as the
 * same request (the same operation with the same body) rather than a different one that must not replay it.
 */
class IdempotencyRulesTest {

    /** The store is never reached by what is tested here; a request that reached it would fail on null. */
    private final IdempotentRequests requests = new IdempotentRequests(null, new ObjectMapper());

    record Organisation(String name, String type, List<String> places) {
    }

    @Test
    void withoutAKeyTheActionSimplyRuns() {
        var outcome = requests.execute("caller", null, "register", new Organisation("A", "ICB", List.of()),
                String.class, () -> "done");
        assertEquals(new IdempotentRequests.Outcome<>("done", false), outcome);
    }

    @Test
    void aKeyIsOneTo200VisibleAsciiCharacters() {
        IdempotentRequests.checkKey("k");
        IdempotentRequests.checkKey("!~" + "x".repeat(198));
        IdempotentRequests.checkKey("9f1c2d3e-4b5a-6978-8a9b-0c1d2e3f4a5b");
        for (String refused : List.of("", "x".repeat(201), "two words", "tab\there", "caf\u00e9", "line\n")) {
            ProblemException problem = assertThrows(ProblemException.class, () -> IdempotentRequests.checkKey(refused),
                    "'" + refused + "'");
            Problem answered = problem.toProblem(null);
            assertEquals(400, answered.status());
            assertEquals(List.of(FieldError.parameter("Idempotency-Key", "must be 1 to 200 visible ASCII characters")),
                    answered.errors());
        }
    }

    /** Generated keys of every length and visible character: accepted exactly when they are such. */
    @RepeatedTest(300)
    void generatedKeysAreAcceptedExactlyWhenVisibleAsciiOfTheRightLength(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        StringBuilder key = new StringBuilder();
        boolean acceptable = true;
        int length = random.nextInt(0, 205);
        for (int i = 0; i < length; i++) {
            char c = random.nextInt(20) == 0 ? (char) random.nextInt(0, 256) : (char) random.nextInt(0x21, 0x7F);
            acceptable &= c >= 0x21 && c <= 0x7E;
            key.append(c);
        }
        acceptable &= length >= 1 && length <= 200;
        String given = key.toString();
        if (acceptable) {
            IdempotentRequests.checkKey(given);
        } else {
            assertThrows(ProblemException.class, () -> IdempotentRequests.checkKey(given), given);
        }
    }

    /** Generated requests: the same operation and body fingerprint alike; any other operation or body does not. */
    @RepeatedTest(300)
    void aRetryIsTheSameOperationWithTheSameBody(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        Organisation body = organisation(random);
        String operation = random.nextBoolean() ? "register-organisation" : "issue-key";
        String fingerprint = requests.fingerprint(operation, body);

        assertEquals(fingerprint, requests.fingerprint(operation,
                new Organisation(body.name(), body.type(), List.copyOf(body.places()))), "an equal body");
        assertEquals(64, fingerprint.length(), "SHA-256 in hex");
        Organisation other = organisation(random);
        if (!other.equals(body)) {
            assertNotEquals(fingerprint, requests.fingerprint(operation, other), body + " vs " + other);
        }
        assertNotEquals(fingerprint, requests.fingerprint(operation + "-again", body), "another operation");
    }

    private static Organisation organisation(Random random) {
        return new Organisation("Healthwatch " + random.nextInt(5), random.nextBoolean() ? "HEALTHWATCH" : "ICB",
                random.ints(random.nextInt(0, 3), 0, 3).mapToObj(i -> "place-" + i).toList());
    }
}
