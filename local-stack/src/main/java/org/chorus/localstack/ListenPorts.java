package org.chorus.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free loopback ports for a stack to listen on, chosen below the kernel's ephemeral range. A port from that range
 * (what binding port 0 gives) can be handed to one of the stack's own outgoing connections between being chosen and
 * being listened on: seen once, a second replica's management port taken while the stack started.
 */
final class ListenPorts {

    /** Where the window starts; the ports below are the well-known and registered ones most often in use. */
    static final int WINDOW_START = 10_000;
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    /** IANA's ephemeral range, which macOS and Windows use, where Linux's file is not there to read. */
    private static final int IANA_EPHEMERAL_START = 49_152;
    private static final int ATTEMPTS = 500;

    private ListenPorts() {
    }

    /** A socket bound to a free port of the window that is none of {@code avoid}; the caller closes it. */
    static ServerSocket bindFree(Set<Integer> avoid) {
        int end = ephemeralStart();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(WINDOW_START, end);
            if (avoid.contains(port)) {
                continue;
            }
            ServerSocket socket = bound(port);
            if (socket != null) {
                return socket;
            }
        }
        throw new IllegalStateException("No free port between " + WINDOW_START + " and " + end + " in " + ATTEMPTS
                + " tries");
    }

    /** Whether something on this machine accepts connections on the port: a server's readiness, or status. */
    static boolean accepting(int port, Duration timeout) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) timeout.toMillis());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The first port the kernel hands to outgoing connections. */
    static int ephemeralStart() {
        try {
            // read by line: a /proc file says its size is 0, and readString then gets only the first character
            String[] range = Files.readAllLines(EPHEMERAL_RANGE).get(0).trim().split("\\s+");
            return Math.max(WINDOW_START + 1_000, Integer.parseInt(range[0]));
        } catch (IOException | RuntimeException e) {
            return IANA_EPHEMERAL_START;
        }
    }

    /** The socket bound to the port, or null when something else has it. */
    private static ServerSocket bound(int port) {
        try {
            ServerSocket socket = new ServerSocket();
            try {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                return socket;
            } catch (IOException taken) {
                socket.close();
                return null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not open or close a socket", e);
        }
    }
}
