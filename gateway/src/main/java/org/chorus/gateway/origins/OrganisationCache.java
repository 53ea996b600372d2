package org.chorus.gateway.origins;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.platform.events.contract.OrganisationData;

/**
 * Every organisation the directory has registered, in memory, with the web origins each allows, so that origin checks
 * and CORS preflights never leave the process.
 */
@ApplicationScoped
public class OrganisationCache {

    private final Map<UUID, Known> byId = new ConcurrentHashMap<>();
    /** Canonical origin to the active organisations allowing it; answers a preflight, which carries no key. */
    private final Map<String, Set<UUID>> activeByOrigin = new ConcurrentHashMap<>();

    /**
     * Takes an organisation's new state unless a later one is already known. An equal sequence is applied, as for
     * keys: events from an old producer carry none, and then the order on the partition is the only order there is.
     */
    public synchronized boolean apply(OrganisationData organisation, long sequence) {
        Known known = byId.get(organisation.organisationId());
        if (known != null && sequence < known.sequence()) {
            return false;
        }
        if (known != null) {
            index(known, false);
        }
        Known now = new Known(sequence, organisation, canonical(organisation.allowedOrigins()));
        byId.put(organisation.organisationId(), now);
        index(now, true);
        return true;
    }

    /** The organisation, or null when the directory has not told the gateway about it (yet). */
    public Known find(UUID organisationId) {
        return organisationId == null ? null : byId.get(organisationId);
    }

    /** Whether any active organisation lets pages of this canonical origin call the API. */
    public boolean allowedByAnyActive(String canonicalOrigin) {
        return canonicalOrigin != null && activeByOrigin.containsKey(canonicalOrigin);
    }

    public int size() {
        return byId.size();
    }

    private void index(Known known, boolean add) {
        if (!known.organisation().active()) {
            return;
        }
        UUID id = known.organisation().organisationId();
        for (String origin : known.origins()) {
            if (add) {
                activeByOrigin.computeIfAbsent(origin, o -> ConcurrentHashMap.newKeySet()).add(id);
            } else {
                activeByOrigin.computeIfPresent(origin, (o, ids) -> {
                    ids.remove(id);
                    return ids.isEmpty() ? null : ids;
                });
            }
        }
    }

    private static Set<String> canonical(List<String> origins) {
        if (origins == null) {
            return Set.of();
        }
        // The directory stores canonical origins already; canonicalising again costs nothing and survives a slip.
        return origins.stream().map(WebOrigins::canonical).filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * One organisation's latest state.
     *
     * @param origins its allowed origins, canonical
     */
    public record Known(long sequence, OrganisationData organisation, Set<String> origins) {

        public boolean active() {
            return organisation.active();
        }

        public boolean allows(String canonicalOrigin) {
            return canonicalOrigin != null && origins.contains(canonicalOrigin);
        }
    }
}
