package org.chorus.platform.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** A search's clause holds the filters given and only those, each with its parameter. */
class WhereTest {

    @Test
    void joinsOnlyTheFiltersGivenWithTheirParameters() {
        UUID organisation = UUID.randomUUID();
        Where where = new Where("1 = 1")
                .and("organisationId = :organisation", "organisation", organisation)
                .and("status = :status", "status", null)
                .andText("title = :title", "title", "  ")
                .andText("place = :place", "place", "blackpool");

        assertEquals("1 = 1 AND organisationId = :organisation AND place = :place", where.clause());
        assertEquals(Map.of("organisation", organisation, "place", "blackpool"), where.parameters());
    }

    @Test
    void aConditionWithSeveralParametersJoinsWithAllOfThem() {
        Where where = new Where("TRUE").and("(at, id) > (:afterAt, :afterId)", Map.of("afterAt", 1, "afterId", 2));

        assertEquals("TRUE AND (at, id) > (:afterAt, :afterId)", where.clause());
        assertEquals(Map.of("afterAt", 1, "afterId", 2), where.parameters());
    }

    @Test
    void entitiesComeBackInTheOrderOfTheRankedIds() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        List<UUID> ranked = List.of(second, third, first);

        List<UUID> loaded = InOrder.of(ranked, ids -> List.of(first, second, third), id -> id);

        assertEquals(ranked, loaded);
        assertEquals(List.of(), InOrder.<UUID>of(List.of(), ids -> {
            throw new AssertionError("no query for an empty page");
        }, id -> id));
    }
}
