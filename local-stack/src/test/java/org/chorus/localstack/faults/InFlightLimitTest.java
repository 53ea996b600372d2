package org.chorus.localstack.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.Test;

class InFlightLimitTest {

    @Test
    void noMoreThanTheLimitAreInFlightAndTheOthersStartInOrderAsPlacesFree() throws Exception {
        InFlightLimit limit = new InFlightLimit(3);
        List<CompletableFuture<Integer>> started = new ArrayList<>();
        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            answers.add(limit.submit(() -> {
                CompletableFuture<Integer> call = new CompletableFuture<>();
                started.add(call);
                return call;
            }));
        }
        assertEquals(3, started.size(), "in flight before any answer");

        for (int answered = 0; answered < 10; answered++) {
            started.get(answered).complete(answered);
            assertEquals(answered, answers.get(answered).get());
            assertEquals(Math.min(10, answered + 4), started.size(), "one more started per answer");
        }
    }

    @Test
    void aFailedCallFreesItsPlaceAndFailsOnlyItsOwnAnswer() {
        InFlightLimit limit = new InFlightLimit(1);
        CompletableFuture<String> failed =
                limit.submit(() -> CompletableFuture.failedFuture(new IllegalStateException("refused")));
        CompletableFuture<String> thrown = limit.submit(() -> {
            throw new IllegalArgumentException("bad request");
        });
        CompletableFuture<String> next = limit.submit(() -> CompletableFuture.completedFuture("answered"));

        assertTrue(failed.isCompletedExceptionally());
        ExecutionException cause = assertThrows(ExecutionException.class, thrown::get);
        assertTrue(cause.getCause() instanceof IllegalArgumentException);
        assertEquals("answered", next.join());
    }
}
