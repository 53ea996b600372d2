package org.chorus.platform.web.caller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The key kinds as events and tokens name them: a label that is not exactly one kind's grants nothing. */
class KeyKindTest {

    @Test
    void eventsAndTokensNameTheKindsInLowerCase() {
        assertEquals("secret", KeyKind.SECRET.label());
        assertEquals("publishable", KeyKind.PUBLISHABLE.label());
        assertEquals("sk", KeyKind.SECRET.marker());
        assertEquals("pk", KeyKind.PUBLISHABLE.marker());
    }

    @Test
    void onlyTheExactLabelNamesAKind() {
        assertTrue(KeyKind.SECRET.isNamedBy("secret"));
        assertFalse(KeyKind.SECRET.isNamedBy("SECRET"));
        assertFalse(KeyKind.SECRET.isNamedBy("publishable"));
        assertFalse(KeyKind.SECRET.isNamedBy(null));
        assertFalse(KeyKind.PUBLISHABLE.isNamedBy(""));
    }

    @Test
    void aCallerUsesASecretKeyOnlyWhenItsTokenSaysSo() {
        assertTrue(caller("secret").usesSecretKey());
        assertFalse(caller("publishable").usesSecretKey());
        assertFalse(caller("Secret").usesSecretKey());
    }

    private static Caller caller(String keyKind) {
        return new Caller(UUID.randomUUID(), UUID.randomUUID(), keyKind, Set.of());
    }
}
