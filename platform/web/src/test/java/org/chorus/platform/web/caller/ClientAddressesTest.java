package org.chorus.platform.web.caller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** A member of the public's address is kept only as its network. */
class ClientAddressesTest {

    @Test
    void ipv4KeepsItsSlash24() {
        assertEquals("203.0.113.0/24", ClientAddresses.network("203.0.113.77"));
    }

    @Test
    void ipv6KeepsItsSlash48() {
        assertEquals("2001:db8:85a3:0:0:0:0:0/48", ClientAddresses.network("2001:db8:85a3:8d3:1319:8a2e:370:7348"));
        assertEquals("2001:db8:85a3:0:0:0:0:0/48", ClientAddresses.network("[2001:db8:85a3::1]"));
    }

    @Test
    void namesAndGarbageAreNeverLookedUp() {
        assertNull(ClientAddresses.network("attacker.example"));
        assertNull(ClientAddresses.network(""));
        assertNull(ClientAddresses.network(null));
    }
}
