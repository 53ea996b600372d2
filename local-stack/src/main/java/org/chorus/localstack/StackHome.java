package org.chorus.localstack;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

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
