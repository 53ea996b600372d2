package org.chorus.gateway.keys;

import org.chorus.platform.events.contract.ApiKeyData;

/**
 * What the cache knows about a presented key. Kept apart from a plain nullable key so that the caller can tell a
 * revoked or expired key from one never seen.
 *
 * @param outcome what was found
 * @param key the key when {@link Outcome#VALID}, otherwise null
 */
public record KeyLookup(Outcome outcome, ApiKeyData key) {

    /** How a lookup ended. */
    public enum Outcome {
        VALID, UNKNOWN, REVOKED, EXPIRED
    }

    static KeyLookup valid(ApiKeyData key) {
        return new KeyLookup(Outcome.VALID, key);
    }

    static KeyLookup refused(Outcome outcome) {
        return new KeyLookup(outcome, null);
    }
}
