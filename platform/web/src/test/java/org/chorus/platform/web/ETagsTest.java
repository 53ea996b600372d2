package org.chorus.platform.web;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.core.EntityTag;

import org.chorus.platform.web.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** An update is checked against the version a tag names; a read's If-None-Match against the whole representation. */
class ETagsTest {

    private static final EntityTag VERSION_7 = new EntityTag("7");
    private static final EntityTag ENGLISH = ETags.naming(VERSION_7, bytes("{\"title\":\"What matters to you\"}"));
    private static final EntityTag WELSH = ETags.naming(VERSION_7, bytes("{\"title\":\"Beth sy'n bwysig i chi\"}"));

    @Test
    void twoRepresentationsOfOneVersionHaveTwoTagsThatBothNameTheVersion() {
        assertNotEquals(ENGLISH, WELSH);
        assertTrue(ENGLISH.getValue().startsWith("7-"), ENGLISH.getValue());
        assertEquals(ENGLISH, ETags.naming(VERSION_7, bytes("{\"title\":\"What matters to you\"}")),
                "the same bytes, the same tag, on any replica");
    }

    @Test
    void anUpdateNamingTheVersionIsAcceptedWhicheverRepresentationItWasReadIn() {
        for (String ifMatch : new String[] { ENGLISH.toString(), WELSH.toString(), "\"7\"", "W/" + ENGLISH,
                "\"6-AAAAAAAAAAAAAAAA\", " + WELSH, "*" }) {
            assertDoesNotThrow(() -> ETags.requireMatch(ifMatch, 7), ifMatch);
        }
    }

    @Test
    void anUpdateNamingAnotherVersionIsRefused() {
        ProblemException stale = assertThrows(ProblemException.class, () -> ETags.requireMatch(ENGLISH.toString(), 8));
        assertEquals(412, stale.status());
        assertEquals(412, assertThrows(ProblemException.class, () -> ETags.requireMatch("\"17\"", 7)).status());
        assertEquals(428, assertThrows(ProblemException.class, () -> ETags.requireMatch(" ", 7)).status());
    }

    @Test
    void aReadIsNotModifiedOnlyForTheRepresentationItWouldSend() {
        assertTrue(ETags.noneMatchNames(ENGLISH.toString(), ENGLISH));
        assertTrue(ETags.noneMatchNames("W/" + ENGLISH, ENGLISH), "If-None-Match compares weakly");
        assertTrue(ETags.noneMatchNames(WELSH + ", " + ENGLISH, ENGLISH), "a cache may name each copy it keeps");
        assertTrue(ETags.noneMatchNames("*", ENGLISH));
        assertFalse(ETags.noneMatchNames(WELSH.toString(), ENGLISH), "another language's copy is not this one");
        assertFalse(ETags.noneMatchNames("\"7\"", ENGLISH), "a version alone does not name the bytes");
        assertFalse(ETags.noneMatchNames(null, ENGLISH));
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
