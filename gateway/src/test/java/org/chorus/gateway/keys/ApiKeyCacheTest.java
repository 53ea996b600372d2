package org.chorus.gateway.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;

import org.chorus.platform.events.contract.ApiKeyData;
import org.chorus.platform.events.contract.SecretHashes;
import org.junit.jupiter.api.Test;

class ApiKeyCacheTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    private final RecordingEvent changes = new RecordingEvent();
    private final ApiKeyCache cache = new ApiKeyCache(changes, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void findsAKeyByTheHashOfItsSecret() {
        ApiKeyData key = key(UUID.randomUUID(), "secret-1", false, null);
        assertTrue(cache.apply(key, 1));

        KeyLookup lookup = cache.find(SecretHashes.sha256Hex("secret-1"));
        assertEquals(KeyLookup.Outcome.VALID, lookup.outcome());
        assertSame(key, lookup.key());
        assertEquals(KeyLookup.Outcome.UNKNOWN, cache.find(SecretHashes.sha256Hex("secret-2")).outcome());
        assertEquals(List.of(key.keyId()), changes.fired);
    }

    @Test
    void aLaterRevocationWinsAndAnOlderEventCannotUndoIt() {
        UUID id = UUID.randomUUID();
        cache.apply(key(id, "s", false, null), 1);
        assertTrue(cache.apply(key(id, "s", true, null), 3));

        assertFalse(cache.apply(key(id, "s", false, null), 2), "an older state must be ignored");
        assertEquals(KeyLookup.Outcome.REVOKED, cache.find(SecretHashes.sha256Hex("s")).outcome());
    }

    @Test
    void aNewSecretReplacesTheOldOne() {
        UUID id = UUID.randomUUID();
        cache.apply(key(id, "old", false, null), 1);
        cache.apply(key(id, "new", false, null), 2);

        assertEquals(KeyLookup.Outcome.UNKNOWN, cache.find(SecretHashes.sha256Hex("old")).outcome());
        assertEquals(KeyLookup.Outcome.VALID, cache.find(SecretHashes.sha256Hex("new")).outcome());
        assertEquals(1, cache.size());
    }

    @Test
    void aKeyPastItsExpiryIsRefused() {
        cache.apply(key(UUID.randomUUID(), "expired", false, NOW), 1);
        cache.apply(key(UUID.randomUUID(), "valid", false, NOW.plusSeconds(1)), 1);

        assertEquals(KeyLookup.Outcome.EXPIRED, cache.find(SecretHashes.sha256Hex("expired")).outcome());
        assertEquals(KeyLookup.Outcome.VALID, cache.find(SecretHashes.sha256Hex("valid")).outcome());
    }

    @Test
    void hashesAreHexOfSha256() {
        // echo -n abc | sha256sum
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", SecretHashes.sha256Hex("abc"));
    }

    private static ApiKeyData key(UUID id, String secret, boolean revoked, Instant expiresAt) {
        return new ApiKeyData(id, UUID.randomUUID(), "secret", SecretHashes.sha256Hex(secret), List.of("insights:read"),
                revoked, expiresAt);
    }

    /** Records what the cache announces; the token cache relies on these to drop stale tokens. */
    private static final class RecordingEvent implements Event<ApiKeyChanged> {

        final List<UUID> fired = new ArrayList<>();

        @Override
        public void fire(ApiKeyChanged event) {
            fired.add(event.keyId());
        }

        @Override
        public <U extends ApiKeyChanged> CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends ApiKeyChanged> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Event<ApiKeyChanged> select(Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends ApiKeyChanged> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends ApiKeyChanged> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }
}
