package org.chorus.platform.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

/** Entities come back in the ranked order, and one deleted between the ranking and the load is left out. */
class InOrderTest {

    @Test
    void aRowDeletedSinceTheRankingIsLeftOutAndTheRestKeepTheirOrder() {
        UUID first = UUID.randomUUID();
        UUID deleted = UUID.randomUUID();
        UUID last = UUID.randomUUID();

        List<UUID> loaded = InOrder.of(List.of(first, deleted, last), ids -> List.of(last, first), Function.identity());

        assertEquals(List.of(first, last), loaded);
    }
}
