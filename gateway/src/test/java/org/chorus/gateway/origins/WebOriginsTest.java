package org.chorus.gateway.origins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class WebOriginsTest {

    @Test
    void spellingsOfOneOriginCompareEqual() {
        assertEquals("https://partner.example", WebOrigins.canonical("https://partner.example"));
        assertEquals("https://partner.example", WebOrigins.canonical("HTTPS://Partner.Example:443"));
        assertEquals("https://partner.example", WebOrigins.canonical("https://partner.example/"));
        assertEquals("http://partner.example", WebOrigins.canonical("http://partner.example:80"));
        assertEquals("https://partner.example:8443", WebOrigins.canonical("https://partner.example:8443"));
        assertEquals("http://[::1]:8080", WebOrigins.canonical("http://[::1]:8080"));
    }

    @Test
    void whatIsNotAWebOriginMatchesNothing() {
        assertNull(WebOrigins.canonical(null));
        assertNull(WebOrigins.canonical("null"));
        assertNull(WebOrigins.canonical(""));
        assertNull(WebOrigins.canonical("file:///etc/passwd"));
        assertNull(WebOrigins.canonical("chrome-extension://abc"));
        assertNull(WebOrigins.canonical("https://partner.example/page"));
        assertNull(WebOrigins.canonical("https://user@partner.example"));
        assertNull(WebOrigins.canonical("https://partner.example?x=1"));
        assertNull(WebOrigins.canonical("https://" + "a".repeat(600) + ".example"));
    }
}
