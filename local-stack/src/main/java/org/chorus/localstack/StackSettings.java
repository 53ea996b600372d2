package org.chorus.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Where one stack keeps its state and which ports it uses. `./chorus up` uses {@link #defaults(Path)}; e2e tests use
 * {@link #forTests(Path)} so that they can run beside a developer's stack.
 *
 * @param repoRoot the checkout whose modules' {@code target/quarkus-app/quarkus-run.jar} are started
 * @param home data, keys, logs and pid files; reused on the next start, so data survives
 * @param ports loopback ports, which also say how many replicas of each service run (one unless
 *     {@link #withReplicas(ChorusService, int)} asked for more)
 * @param readyTimeout how long one start step (PostgreSQL, Kafka, a group of services) may take
 * @param serviceJvmOptions JVM options of each service process
 * @param serviceEnv extra environment per service, on top of what the stack sets (and overriding it)
 * @param durable whether PostgreSQL syncs to disk; throw-away test stacks need not
 * @param jit how the services and the broker compile; throw-away test stacks need not run C2
 */
public record StackSettings(Path repoRoot, Path home, StackPorts ports, Duration readyTimeout,
        List<String> serviceJvmOptions, Map<ChorusService, Map<String, String>> serviceEnv, boolean durable,
        JitMode jit) {

    public StackSettings {
        repoRoot = repoRoot.toAbsolutePath().normalize();
        home = home.toAbsolutePath().normalize();
        serviceJvmOptions = List.copyOf(serviceJvmOptions);
        Map<ChorusService, Map<String, String>> env = new EnumMap<>(ChorusService.class);
        serviceEnv.forEach((service, vars) -> env.put(service, Map.copyOf(vars)));
        serviceEnv = Map.copyOf(env);
    }

    /**
     * The services' heap, and the throughput collector in place of G1, which the JVM picks by itself on two or more
     * processors: G1's write barriers and concurrent threads cost processor time on every request, and the heaps are
     * small enough for short pauses without it. It is also what the OpenJDK container images that Quarkus builds on
     * choose. GatewayBench, two runs each way, the four services' processor time per response: 16 clients 0.61-0.67 ms
     * with G1, 0.57-0.58 ms with it; 32 clients 0.56-0.58 against 0.55; p99 at 32 clients 50-53 ms either way.
     */
    static final List<String> SERVICE_JVM_OPTIONS = List.of("-Xmx384m", "-XX:+UseParallelGC");

    /** The developer stack: home {@code <repo>/.chorus}, ports 8080-8083, 55432 and 59092. */
    public static StackSettings defaults(Path repoRoot) {
        return new StackSettings(repoRoot, repoRoot.resolve(".chorus"), StackPorts.defaults(), Duration.ofSeconds(120),
                SERVICE_JVM_OPTIONS, Map.of(), true, JitMode.PRODUCTION);
    }

    /**
     * A throw-away stack on free ports in the given (temporary) home, found from the working directory's checkout: no
     * syncing to disk, C1 alone.
     */
    public static StackSettings forTests(Path home) {
        return defaults(findRepoRoot()).withHome(home).withPorts(StackPorts.free()).withDurable(false)
                .withJit(JitMode.SHORT_LIVED).withReadyTimeout(Duration.ofSeconds(180));
    }

    /**
     * A stack to measure, on free ports in the given home: durable (a figure is about responses that survive a crash)
     * and compiling as in production.
     */
    public static StackSettings forBenches(Path home) {
        return forTests(home).withDurable(true).withJit(JitMode.PRODUCTION);
    }

    /** The nearest directory at or above the working directory holding the Chorus build (mvnw and local-stack/). */
    public static Path findRepoRoot() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("local-stack"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No Chorus checkout at or above " + start);
    }

    /** @throws IllegalStateException naming the first service whose jar is not built */
    void requireServiceJars() {
        for (ChorusService service : ChorusService.values()) {
            Path jar = serviceJar(service);
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing; build it first: ./mvnw package -DskipTests");
            }
        }
    }

    public Path serviceJar(ChorusService service) {
        return repoRoot.resolve(service.module()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** How many processes of the service the stack runs: 1 unless {@link #withReplicas} asked for more. */
    public int replicas(ChorusService service) {
        return ports.replicas(service).size();
    }

    /**
     * Runs {@code count} processes of the service, each on its own port, with the same database and consumer group;
     * the gateway is given all their addresses. Set ports first: {@link #withPorts} replaces the replicas' ports too.
     */
    public StackSettings withReplicas(ChorusService service, int count) {
        return switch (service) {
            case DIRECTORY, SURVEY, INSIGHT -> withPorts(ports.withReplicas(service, count));
            case GATEWAY -> throw new IllegalArgumentException(
                    "The stack runs one gateway: nothing in it would spread callers over several");
        };
    }

    public StackSettings withHome(Path newHome) {
        return new StackSettings(repoRoot, newHome, ports, readyTimeout, serviceJvmOptions, serviceEnv, durable, jit);
    }

    public StackSettings withPorts(StackPorts newPorts) {
        return new StackSettings(repoRoot, home, newPorts, readyTimeout, serviceJvmOptions, serviceEnv, durable, jit);
    }

    public StackSettings withReadyTimeout(Duration timeout) {
        return new StackSettings(repoRoot, home, ports, timeout, serviceJvmOptions, serviceEnv, durable, jit);
    }

    public StackSettings withDurable(boolean sync) {
        return new StackSettings(repoRoot, home, ports, readyTimeout, serviceJvmOptions, serviceEnv, sync, jit);
    }

    public StackSettings withJit(JitMode mode) {
        return new StackSettings(repoRoot, home, ports, readyTimeout, serviceJvmOptions, serviceEnv, durable, mode);
    }

    /** Adds or replaces one environment variable of one service, e.g. a short cache lifetime for a test. */
    public StackSettings withEnv(ChorusService service, String name, String value) {
        Map<ChorusService, Map<String, String>> env = new EnumMap<>(ChorusService.class);
        env.putAll(serviceEnv);
        Map<String, String> vars = new java.util.HashMap<>(env.getOrDefault(service, Map.of()));
        vars.put(name, value);
        env.put(service, vars);
        return new StackSettings(repoRoot, home, ports, readyTimeout, serviceJvmOptions, env, durable, jit);
    }
}
