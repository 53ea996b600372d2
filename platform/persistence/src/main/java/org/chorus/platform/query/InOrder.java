package org.chorus.platform.query;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Entities in the order of the ids a native query ranked: the search runs in SQL that Hibernate cannot express, and
 * the page's rows are then loaded as entities, in one query that keeps no order.
 */
public final class InOrder {

    private InOrder() {
    }

    /** {@code load} fetches the entities of the ids it is given; {@code idOf} reads an entity's id. */
    public static <E> List<E> of(List<UUID> ids, Function<List<UUID>, List<E>> load, Function<E, UUID> idOf) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, E> byId = load.apply(ids).stream().collect(Collectors.toMap(idOf, Function.identity()));
        // the load is a statement of its own: a row deleted since the ranking (an upload replacing an activity's
        // unpublished findings) is left out, where it became a null that the page's mapping failed on with a 500
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }
}
