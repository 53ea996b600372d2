package org.chorus.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The loopback ports of one stack: fixed ones for `./chorus up`, free ones so e2e tests never collide with it. */
public record StackPorts(int gateway, int directory, int survey, int insight, int postgres, int kafka,
        int kafkaController) {

    public static StackPorts defaults() {
        return new StackPorts(8080, 8081, 8082, 8083, 55432, 59092, 59093);
    }

    /** Seven ports that were free a moment ago; held open together so that no two of them are the same. */
    public static StackPorts free() {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 7; i++) {
                ServerSocket socket = new ServerSocket();
                sockets.add(socket);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            }
            int[] p = sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
            return new StackPorts(p[0], p[1], p[2], p[3], p[4], p[5], p[6]);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find free ports", e);
        } finally {
            sockets.forEach(StackPorts::closeQuietly);
        }
    }

    public int of(ChorusService service) {
        return switch (service) {
            case GATEWAY -> gateway;
            case DIRECTORY -> directory;
            case SURVEY -> survey;
            case INSIGHT -> insight;
        };
    }

    /** Every port by the name of what listens on it, in start order. */
    public Map<String, Integer> byOwner() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("postgres", postgres);
        ports.put("kafka", kafka);
        ports.put("kafka-controller", kafkaController);
        for (ChorusService service : ChorusService.values()) {
            ports.put(service.module(), of(service));
        }
        return ports;
    }

    /** True when nothing listens on the loopback port, checked by binding it as the real owner would. */
    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // only probing for a number
        }
    }
}
