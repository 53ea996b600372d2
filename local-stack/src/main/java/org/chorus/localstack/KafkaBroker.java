package org.chorus.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real Kafka broker in KRaft mode (one node that is broker and controller) as a child JVM, with its log directory
 * in the stack's home so that events survive restarts. A JVM of its own keeps its heap and its logs apart from the
 * supervisor's and lets it be stopped and restarted alone.
 */
final class KafkaBroker implements AutoCloseable {

    static final String NAME = "kafka";
    private static final String MAIN_CLASS = "kafka.Kafka";
    private static final String SIMPLE_LOGGER = "-Dorg.slf4j.simpleLogger.";
    // slf4j-simple to stderr (the log file); partition-by-partition chatter only when something goes wrong.
    private static final List<String> BROKER_LOGGING = List.of(
            // The launcher's classpath may hold another provider too (the JBoss one, with the platform's test
            // support), which, unconfigured in this JVM, lets every trace call format its message: a seventh of the
            // broker's processor time under load. Naming the provider makes these levels hold.
            "-Dslf4j.provider=org.slf4j.simple.SimpleServiceProvider",
            SIMPLE_LOGGER + "showDateTime=true",
            SIMPLE_LOGGER + "dateTimeFormat=yyyy-MM-dd HH:mm:ss.SSS",
            SIMPLE_LOGGER + "showThreadName=false",
            SIMPLE_LOGGER + "log.state.change.logger=warn",
            SIMPLE_LOGGER + "log.kafka.cluster.Partition=warn",
            SIMPLE_LOGGER + "log.kafka.log.LogManager=warn",
            SIMPLE_LOGGER + "log.org.apache.kafka.storage.internals.log=warn",
            SIMPLE_LOGGER + "log.org.apache.kafka.coordinator.common.runtime=warn",
            SIMPLE_LOGGER + "log.org.apache.kafka.common.config.AbstractConfig=warn");

    static {
        // The admin client probing readiness would otherwise dump its configuration into the supervisor's log.
        System.getProperties().putIfAbsent("org.slf4j.simpleLogger.log.org.apache.kafka", "warn");
    }

    private final ChildProcess process;
    private final int port;

    private KafkaBroker(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The broker JVM's memory, collector and compiler options. */
    static List<String> jvmOptions(JitMode jit) {
        List<String> jvm = new ArrayList<>(List.of("-Xms128m", "-Xmx512m", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20",
                "-Djava.awt.headless=true"));
        jvm.addAll(jit.jvmOptions());
        return jvm;
    }

    static KafkaBroker start(StackHome home, StackSettings settings, BooleanSupplier aborted)
            throws IOException, InterruptedException {
        StackPorts ports = settings.ports();
        Path config = home.run().resolve("kafka-server.properties");
        writeServerConfig(config, home, ports);
        String classpath = ChildProcess.currentClasspath();
        List<String> jvm = new ArrayList<>(jvmOptions(settings.jit()));
        jvm.addAll(BROKER_LOGGING);
        jvm.addAll(List.of("-cp", classpath));
        if (!Files.exists(home.kafkaData().resolve("meta.properties"))) {
            format(home, jvm, config);
        }
        List<String> command = new ArrayList<>(jvm);
        command.add(MAIN_CLASS);
        command.add(config.toString());
        ChildProcess process = ChildProcess.startJava(NAME, command, Map.of(), home);
        KafkaBroker broker = new KafkaBroker(process, ports.kafka());
        try {
            broker.awaitReady(settings.readyTimeout(), aborted);
        } catch (InterruptedException | RuntimeException e) {
            broker.close();
            throw e;
        }
        process.onUnexpectedExit(() -> Log.warn("Kafka exited unexpectedly with code " + process.exitCode()
                + "; see " + process.log()));
        return broker;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Exit code, or -1 while running. */
    int exitCode() {
        return process.exitCode();
    }

    private static void writeServerConfig(Path file, StackHome home, StackPorts ports) throws IOException {
        String controller = "127.0.0.1:" + ports.kafkaController();
        String broker = "127.0.0.1:" + ports.kafka();
        Properties config = new Properties();
        config.setProperty("process.roles", "broker,controller");
        config.setProperty("node.id", "1");
        config.setProperty("controller.quorum.voters", "1@" + controller);
        config.setProperty("listeners", "PLAINTEXT://" + broker + ",CONTROLLER://" + controller);
        config.setProperty("advertised.listeners", "PLAINTEXT://" + broker);
        config.setProperty("inter.broker.listener.name", "PLAINTEXT");
        config.setProperty("controller.listener.names", "CONTROLLER");
        config.setProperty("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        config.setProperty("log.dirs", home.kafkaData().toString());
        config.setProperty("num.partitions", "3");
        // One node: internal topics cannot have more replicas than there are brokers.
        config.setProperty("offsets.topic.replication.factor", "1");
        config.setProperty("transaction.state.log.replication.factor", "1");
        config.setProperty("transaction.state.log.min.isr", "1");
        config.setProperty("share.coordinator.state.topic.replication.factor", "1");
        config.setProperty("share.coordinator.state.topic.min.isr", "1");
        config.setProperty("group.initial.rebalance.delay.ms", "0");
        // The controller appends a no-op record to its metadata log this often to show it is alive; every 500 ms by
        // default, a large share of an idle broker's processor time. One node has no follower to show it to.
        config.setProperty("metadata.max.idle.interval.ms", "5000");
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            config.store(out, "Written by the Chorus local stack at every start");
        }
    }

    /** Formats the log directory once with a new cluster id, as kafka-storage.sh format would. */
    private static void format(StackHome home, List<String> jvm, Path config) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(jvm);
        command.addAll(List.of("kafka.tools.StorageTool", "format", "--ignore-formatted",
                "--cluster-id", Uuid.randomUuid().toString(), "--config", config.toString()));
        ChildProcess format = ChildProcess.startJava("kafka-storage-format", command, Map.of(), home);
        if (format.awaitExit(Duration.ofSeconds(90)) != 0) {
            format.kill();
            throw new IllegalStateException("Formatting Kafka's log directory failed; see " + format.log());
        }
        Log.info("formatted Kafka log directory " + home.kafkaData());
    }

    private void awaitReady(Duration timeout, BooleanSupplier aborted) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!portOpen()) {
            checkStillStarting(deadline, aborted);
            Thread.sleep(200);
        }
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        try (Admin admin = Admin.create(config)) {
            while (true) {
                checkStillStarting(deadline, aborted);
                try {
                    if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    Thread.sleep(200);
                }
            }
        }
    }

    /** Whether it accepts connections on its client port. */
    boolean portOpen() {
        return ListenPorts.accepting(port, Duration.ofMillis(500));
    }

    private void checkStillStarting(long deadline, BooleanSupplier aborted) {
        if (aborted.getAsBoolean()) {
            throw new IllegalStateException("Start of Kafka abandoned: the stack is stopping");
        }
        if (!process.isAlive()) {
            throw new IllegalStateException("Kafka exited with code " + process.exitCode() + "; see " + process.log());
        }
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("Kafka was not ready in time; see " + process.log());
        }
    }

    /** SIGKILL: a crash, for failure drills. */
    void kill() {
        process.kill();
    }

    @Override
    public void close() {
        // SIGTERM runs the broker's own shutdown hook: a controlled shutdown that flushes the logs.
        process.stop(Duration.ofSeconds(60));
    }
}
