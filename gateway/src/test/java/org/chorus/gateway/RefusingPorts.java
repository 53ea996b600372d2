package org.chorus.gateway;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * Loopback addresses of services that are down, held until the tests end. A port found free and closed again may be
 * handed to the next server that asks for any port, the gateway under test included, which would then forward to
 * itself; a socket bound without listening refuses every connection and keeps its port from anyone else.
 */
final class RefusingPorts implements AutoCloseable {

    private final List<Socket> held = new ArrayList<>();

    /** A new {@code http://127.0.0.1:port} where every connection is refused. */
    synchronized String url() {
        Socket socket = new Socket();
        try {
            // Without address reuse, no server can bind the port while it is held, even one that asks for reuse.
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            closeQuietly(socket);
            throw new IllegalStateException("Could not hold a loopback port", e);
        }
        held.add(socket);
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    @Override
    public synchronized void close() {
        held.forEach(RefusingPorts::closeQuietly);
        held.clear();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Nothing was ever sent on it.
        }
    }
}
