package org.chorus.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** The ports a test stack listens on, as its services and broker will need them. */
class StackPortsTest {

    /**
     * A stack's ports, second replicas' included, lie below the range the kernel hands to outgoing connections, so
     * that none of the stack's own connections can take one before its listener starts; and they are all different.
     */
    @RepeatedTest(20)
    void aTestStacksPortsAreFreeDistinctAndBelowTheEphemeralRange() throws IOException {
        StackPorts ports = StackPorts.free().withReplicas(ChorusService.SURVEY, 2)
                .withReplicas(ChorusService.INSIGHT, 2);

        Collection<Integer> all = ports.byOwner().values();
        assertEquals(all.size(), new HashSet<>(all).size(), "distinct: " + ports.byOwner());
        assertEquals(15, all.size(), "eleven, and two for each second replica: " + ports.byOwner());
        int ephemeralStart = ListenPorts.ephemeralStart();
        assertTrue(ephemeralStart - ListenPorts.WINDOW_START >= 10_000, "room for many stacks below " + ephemeralStart);
        for (int port : all) {
            assertTrue(port >= ListenPorts.WINDOW_START && port < ephemeralStart,
                    port + " lies outside " + ListenPorts.WINDOW_START + " - " + (ephemeralStart - 1));
        }
        List<ServerSocket> listening = new ArrayList<>();
        try {
            for (int port : all) {
                ServerSocket socket = new ServerSocket();
                listening.add(socket);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            }
        } finally {
            for (ServerSocket socket : listening) {
                socket.close();
            }
        }
    }

    /** A port already in use stops the start before anything runs, and the refusal names the port and its part. */
    @Test
    void aPortInUseIsNamedWithItsPart() throws IOException {
        StackPorts ports = StackPorts.free();
        try (ServerSocket other = new ServerSocket()) {
            other.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), ports.kafka()));

            IllegalStateException refused = assertThrows(IllegalStateException.class, ports::requireFree);

            assertTrue(refused.getMessage().startsWith("Port " + ports.kafka() + " for kafka is in use by another"
                    + " program"), refused.getMessage());
        }
        ports.requireFree();
    }
}
