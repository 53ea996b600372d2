package org.chorus.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;

class RetrySafetyTest {

    @Test
    void readsMayAlwaysBeSentAgain() {
        for (HttpMethod method : new HttpMethod[] { HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS }) {
            assertTrue(RetrySafety.allowsRetry(method, MultiMap.caseInsensitiveMultiMap()), method.name());
        }
    }

    @Test
    void changesMayBeSentAgainOnlyWithAnIdempotencyKey() {
        for (HttpMethod method : new HttpMethod[] { HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE }) {
            assertFalse(RetrySafety.allowsRetry(method, MultiMap.caseInsensitiveMultiMap()), method.name());
            assertTrue(RetrySafety.allowsRetry(method, headers("Idempotency-Key", "4a1f-submission-7")), method.name());
            assertTrue(RetrySafety.allowsRetry(method, headers("idempotency-key", "any case")), method.name());
        }
    }

    @Test
    void aBlankIdempotencyKeyMakesNothingSafe() {
        assertFalse(RetrySafety.allowsRetry(HttpMethod.POST, headers("Idempotency-Key", "")));
        assertFalse(RetrySafety.allowsRetry(HttpMethod.POST, headers("Idempotency-Key", "   ")));
    }

    @Test
    void otherMethodsAreNeverSentAgain() {
        MultiMap withKey = headers("Idempotency-Key", "k");
        assertFalse(RetrySafety.allowsRetry(HttpMethod.CONNECT, withKey));
        assertFalse(RetrySafety.allowsRetry(HttpMethod.TRACE, withKey));
        assertFalse(RetrySafety.allowsRetry(HttpMethod.valueOf("PROPFIND"), withKey));
    }

    private static MultiMap headers(String name, String value) {
        return MultiMap.caseInsensitiveMultiMap().add(name, value);
    }
}
