package org.chorus.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The loopback ports of one stack: fixed ones for `./chorus up`, free ones so e2e tests never collide with it. Every
 * replica has two: its API port and its management interface's (health and metrics), by the replica's name.
 *
 * @param extraReplicas the ports of each service's second and later replicas, if it has any
 * @param management each replica's management port by its name ({@code survey-service-2})
 */
public record StackPorts(int gateway, int directory, int survey, int insight, int postgres, int kafka,
        int kafkaController, Map<ChorusService, List<Integer>> extraReplicas, Map<String, Integer> management) {

    /** Each extra replica of a service listens this far above the previous one, when that port is free. */
    static final int REPLICA_PORT_STEP = 10_000;
    /** A replica's management interface listens this far above its API port (9082 beside 8082), when that is free. */
    static final int MANAGEMENT_PORT_STEP = 1_000;

    public StackPorts {
        Map<ChorusService, List<Integer>> copy = new EnumMap<>(ChorusService.class);
        extraReplicas.forEach((service, ports) -> copy.put(service, List.copyOf(ports)));
        extraReplicas = Map.copyOf(copy);
        management = Map.copyOf(management);
    }

    /** One replica of each service; the management ports in the order of the API ports: gateway, directory, ... */
    private StackPorts(int gateway, int directory, int survey, int insight, int postgres, int kafka,
            int kafkaController, int... managementPorts) {
        this(gateway, directory, survey, insight, postgres, kafka, kafkaController, Map.of(),
                firstReplicas(managementPorts));
    }

    public static StackPorts defaults() {
        return new StackPorts(8080, 8081, 8082, 8083, 55432, 59092, 59093,
                firstReplicaManagementPorts(8080, 8081, 8082, 8083));
    }

    /**
     * Eleven ports that were free a moment ago, below the kernel's ephemeral range ({@link ListenPorts}); held open
     * together so that no two of them are the same.
     */
    public static StackPorts free() {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 7 + ChorusService.values().length; i++) {
                sockets.add(ListenPorts.bindFree(Set.of()));
            }
            int[] p = sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
            return new StackPorts(p[0], p[1], p[2], p[3], p[4], p[5], p[6], Arrays.copyOfRange(p, 7, p.length));
        } finally {
            sockets.forEach(StackPorts::closeQuietly);
        }
    }

    /** The port of the service's first replica. */
    public int of(ChorusService service) {
        return switch (service) {
            case GATEWAY -> gateway;
            case DIRECTORY -> directory;
            case SURVEY -> survey;
            case INSIGHT -> insight;
        };
    }

    public int of(ServiceReplica replica) {
        return replica.number() == 1 ? of(replica.service())
                : extraReplicas.get(replica.service()).get(replica.number() - 2);
    }

    /** The port of the replica's management interface: /q/health and /q/metrics. */
    public int managementOf(ServiceReplica replica) {
        Integer port = management.get(replica.name());
        if (port == null) {
            throw new IllegalStateException("No management port for " + replica.name());
        }
        return port;
    }

    /** The service's replicas, the first first. */
    public List<ServiceReplica> replicas(ChorusService service) {
        int count = 1 + extraReplicas.getOrDefault(service, List.of()).size();
        List<ServiceReplica> replicas = new ArrayList<>();
        for (int number = 1; number <= count; number++) {
            replicas.add(new ServiceReplica(service, number));
        }
        return replicas;
    }

    /**
     * These ports with {@code count} replicas of the service. Replica n listens {@value #REPLICA_PORT_STEP} above
     * replica n - 1 (the developer stack's second survey replica on 18082) when that port is free and none of this
     * stack's own, else on any free port.
     */
    public StackPorts withReplicas(ChorusService service, int count) {
        if (count < 1) {
            throw new IllegalArgumentException(service.module() + " needs at least one replica, not " + count);
        }
        Map<ChorusService, List<Integer>> extra = new EnumMap<>(ChorusService.class);
        extra.putAll(extraReplicas);
        extra.remove(service);
        Map<String, Integer> managementPorts = new HashMap<>(management);
        replicas(service).stream().skip(1).forEach(replica -> managementPorts.remove(replica.name()));
        Set<Integer> taken = new HashSet<>(new StackPorts(gateway, directory, survey, insight, postgres, kafka,
                kafkaController, extra, managementPorts).byOwner().values());
        List<Integer> ports = new ArrayList<>();
        int previous = of(service);
        for (int number = 2; number <= count; number++) {
            int port = portNear(previous + REPLICA_PORT_STEP, taken);
            ports.add(port);
            managementPorts.put(new ServiceReplica(service, number).name(), portNear(port + MANAGEMENT_PORT_STEP, taken));
            previous = port;
        }
        if (!ports.isEmpty()) {
            extra.put(service, ports);
        }
        return new StackPorts(gateway, directory, survey, insight, postgres, kafka, kafkaController, extra,
                managementPorts);
    }

    /**
     * The wanted port when it is free, not this stack's already and below the ephemeral range, else any free one;
     * either is then taken.
     */
    private static int portNear(int wanted, Set<Integer> taken) {
        boolean usable = wanted < ListenPorts.ephemeralStart() && !taken.contains(wanted) && isFree(wanted);
        int port = usable ? wanted : freePortOtherThan(taken);
        taken.add(port);
        return port;
    }

    private static int[] firstReplicaManagementPorts(int... apiPorts) {
        return Arrays.stream(apiPorts).map(port -> port + MANAGEMENT_PORT_STEP).toArray();
    }

    /** The management ports of each service's first replica: gateway, directory, survey, insight. */
    private static Map<String, Integer> firstReplicas(int... managementPorts) {
        List<ChorusService> order = List.of(ChorusService.GATEWAY, ChorusService.DIRECTORY, ChorusService.SURVEY,
                ChorusService.INSIGHT);
        Map<String, Integer> ports = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            ports.put(ServiceReplica.first(order.get(i)).name(), managementPorts[i]);
        }
        return ports;
    }

    /** Every port by the name of what listens on it, in start order. */
    public Map<String, Integer> byOwner() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("postgres", postgres);
        ports.put("kafka", kafka);
        ports.put("kafka-controller", kafkaController);
        for (ChorusService service : ChorusService.values()) {
            for (ServiceReplica replica : replicas(service)) {
                ports.put(replica.name(), of(replica));
                ports.put(managementName(replica.name()), managementOf(replica));
            }
        }
        return ports;
    }

    /**
     * Checked before anything starts, so that nothing is left half started.
     *
     * @throws IllegalStateException naming the first port something already listens on, and what usually holds it
     */
    void requireFree() {
        byOwner().forEach((owner, port) -> {
            if (!isFree(port)) {
                throw new IllegalStateException("Port " + port + " for " + owner + " is in use by another program;"
                        + " free it and start again. Another Chorus stack started from another folder, or a test run"
                        + " that is still closing, holds the same ports.");
            }
        });
    }

    /** The name of a replica's management port in the ports file: {@code survey-service-2-management}. */
    static String managementName(String replica) {
        return replica + "-management";
    }

    private static int freePortOtherThan(Set<Integer> taken) {
        try (ServerSocket socket = ListenPorts.bindFree(taken)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not close a port it had just checked", e);
        }
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
