package org.chorus.directory.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SSRF guard, on address literals (no DNS needed): only public unicast addresses pass. */
class TargetGuardTest {

    private final TargetGuard production = new TargetGuard(false, new HostResolver());
    private final TargetGuard local = new TargetGuard(true, new HostResolver());

    @ParameterizedTest
    @ValueSource(strings = { "127.0.0.1", "10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.169.254", "0.0.0.0",
            "100.64.0.1", "224.0.0.1", "255.255.255.255", "::1", "::", "fe80::1", "fd00::1", "fc00::2", "ff02::1",
            "::ffff:10.0.0.1", "::ffff:127.0.0.1" })
    void privateAndSpecialAddressesAreNotPublic(String literal) throws UnknownHostException {
        assertFalse(TargetGuard.isPublic(InetAddress.getByName(literal)), literal);
    }

    @ParameterizedTest
    @ValueSource(strings = { "93.184.215.14", "8.8.8.8", "2606:4700:4700::1111" })
    void publicAddressesArePublic(String literal) throws UnknownHostException {
        assertTrue(TargetGuard.isPublic(InetAddress.getByName(literal)), literal);
    }

    @Test
    void onlyHttpsToAPublicAddressPasses() throws TargetGuard.RefusedTarget {
        assertEquals(URI.create("https://93.184.215.14/hooks"), production.check("https://93.184.215.14/hooks"));
        assertThrows(TargetGuard.RefusedTarget.class, () -> production.check("http://93.184.215.14/hooks"));
        assertThrows(TargetGuard.RefusedTarget.class, () -> production.check("ftp://93.184.215.14/hooks"));
        assertThrows(TargetGuard.RefusedTarget.class, () -> production.check("https://10.0.0.8/hooks"));
        assertThrows(TargetGuard.RefusedTarget.class, () -> production.check("https://[fd12::1]/hooks"));
        assertThrows(TargetGuard.RefusedTarget.class, () -> production.check("https://user:pw@93.184.215.14/"));
        assertThrows(TargetGuard.RefusedTarget.class, () -> production.check("not a url"));
    }

    @Test
    void loopbackPassesOnlyWhenAllowedAndThenAlsoOverHttp() throws TargetGuard.RefusedTarget {
        assertThrows(TargetGuard.RefusedTarget.class, () -> production.check("https://127.0.0.1:8443/hooks"));
        assertThrows(TargetGuard.RefusedTarget.class, () -> production.check("http://localhost:9000/hooks"));
        assertEquals(9000, local.check("http://127.0.0.1:9000/hooks").getPort());
        assertThrows(TargetGuard.RefusedTarget.class, () -> local.check("https://192.168.0.2/hooks"));
        assertThrows(TargetGuard.RefusedTarget.class, () -> local.check("http://93.184.215.14/hooks"));
    }
}
