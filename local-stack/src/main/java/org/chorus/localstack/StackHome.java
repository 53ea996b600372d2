package org.chorus.localstack;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The layout of a stack's home directory, in one place so the supervisor, `status` and `demo` agree on it. */
record StackHome(Path root) {

    void create() throws IOException {
        for (Path dir : new Path[] {root, logs(), run(), keys(), kafkaData()}) {
            Files.createDirectories(dir);
        }
    }

    Path logs() {
        return root.resolve("logs");
    }

    Path log(String name) {
        return logs().resolve(name + ".log");
    }

    /** Pid files and generated configuration of the running processes; nothing here needs to survive. */
    Path run() {
        return root.resolve("run");
    }

    Path pidFile(String name) {
        return run().resolve(name + ".pid");
    }

    /**
     * The names of the service processes that have a pid file, replicas included ({@code survey-service-2}), the
     * services in start order: whatever replica counts the stack that wrote them had.
     */
    List<String> servicesWithPidFiles() throws IOException {
        List<String> names = new ArrayList<>();
        if (!Files.isDirectory(run())) {
            return names;
        }
        for (ChorusService service : ChorusService.values()) {
            Pattern replica = Pattern.compile(Pattern.quote(service.module()) + "(-[0-9]+)?\\.pid");
            try (Stream<Path> files = Files.list(run())) {
                files.map(f -> f.getFileName().toString()).filter(f -> replica.matcher(f).matches()).sorted()
                        .forEach(f -> names.add(f.substring(0, f.length() - ".pid".length())));
            }
        }
        return names;
    }

    Path keys() {
        return root.resolve("keys");
    }

    Path privateKey() {
        return keys().resolve("internal-token-private.pem");
    }

    Path publicKey() {
        return keys().resolve("internal-token-public.pem");
    }

    Path bootstrapAdminKeyFile() {
        return root.resolve("bootstrap-admin-key");
    }

    Path dbPasswordFile() {
        return root.resolve("db-password");
    }

    Path postgresData() {
        return root.resolve("postgres");
    }

    Path kafkaData() {
        return root.resolve("kafka");
    }

    /** One line the `chorus` script polls: STARTING, UP, FAILED with a reason, STOPPING or STOPPED. */
    Path stateFile() {
        return root.resolve("state");
    }

    /** The ports of the running stack, for `chorus status` and `chorus demo`. */
    Path portsFile() {
        return run().resolve("ports.properties");
    }

    void writePorts(StackPorts stackPorts) throws IOException {
        Properties ports = new Properties();
        stackPorts.byOwner().forEach((owner, port) -> ports.setProperty(owner, port.toString()));
        try (Writer out = Files.newBufferedWriter(portsFile(), StandardCharsets.UTF_8)) {
            ports.store(out, "Ports of the running local stack");
        }
    }

    /** The ports the running stack wrote; none when no stack has started here. */
    Properties readPorts() throws IOException {
        Properties ports = new Properties();
        if (Files.exists(portsFile())) {
            try (Reader in = Files.newBufferedReader(portsFile(), StandardCharsets.UTF_8)) {
                ports.load(in);
            }
        }
        return ports;
    }

    /**
     * Claims the home for one stack: two would share one PostgreSQL data directory and one Kafka log directory. The
     * claim lasts until the returned channel is closed or the JVM ends, however it ends.
     */
    Optional<FileChannel> tryLock() throws IOException {
        Files.createDirectories(root);
        FileChannel channel = FileChannel.open(root.resolve("local-stack.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        if (channel.tryLock() == null) {
            channel.close();
            return Optional.empty();
        }
        return Optional.of(channel);
    }
}
