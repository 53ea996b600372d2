package org.chorus.gateway.keys;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.chorus.platform.events.contract.ApiKeyData;

/**
 * Every API key the directory has issued, in memory, indexed by the hash of its secret. Each gateway replica holds
 * all of it, so authenticating a request never leaves the process.
 */
@ApplicationScoped
public class ApiKeyCache {

    private final Map<UUID, Known> byId = new ConcurrentHashMap<>();
    private final Map<String, ApiKeyData> bySecretHash = new ConcurrentHashMap<>();
    private final Event<ApiKeyChanged> changed;
    private final Clock clock;

    @Inject
    public ApiKeyCache(Event<ApiKeyChanged> changed) {
        this(changed, Clock.systemUTC());
    }

    ApiKeyCache(Event<ApiKeyChanged> changed, Clock clock) {
        this.changed = changed;
        this.clock = clock;
    }

    /**
     * Takes a key's new state unless a later one is already known. An equal sequence is applied: events carry no
     * sequence when an old producer wrote them, and then the order on the partition is the only order there is.
     *
     * @return whether the state was taken
     */
    public boolean apply(ApiKeyData key, long sequence) {
        synchronized (this) {
            Known known = byId.get(key.keyId());
            if (known != null && sequence < known.sequence()) {
                return false;
            }
            byId.put(key.keyId(), new Known(sequence, key));
            if (known != null && known.key().secretHash() != null) {
                bySecretHash.remove(normalise(known.key().secretHash()), known.key());
            }
            if (key.secretHash() != null) {
                // Revoked keys stay indexed so that their holder is told the key was revoked, not that it is unknown.
                bySecretHash.put(normalise(key.secretHash()), key);
            }
        }
        changed.fire(new ApiKeyChanged(key.keyId()));
        return true;
    }

    /** Finds the key whose secret hashes to {@code secretHash}. */
    public KeyLookup find(String secretHash) {
        ApiKeyData key = bySecretHash.get(secretHash);
        if (key == null) {
            return KeyLookup.refused(KeyLookup.Outcome.UNKNOWN);
        }
        if (key.revoked()) {
            return KeyLookup.refused(KeyLookup.Outcome.REVOKED);
        }
        Instant expiresAt = key.expiresAt();
        if (expiresAt != null && !clock.instant().isBefore(expiresAt)) {
            return KeyLookup.refused(KeyLookup.Outcome.EXPIRED);
        }
        return KeyLookup.valid(key);
    }

    public int size() {
        return byId.size();
    }

    private static String normalise(String hash) {
        return hash.toLowerCase(Locale.ROOT);
    }

    private record Known(long sequence, ApiKeyData key) {
    }
}
