package org.chorus.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Homes for the stacks that tests and benches start and throw away: a new one under the temporary directory for each
 * run, after removing those that earlier runs left there. A home holds a whole PostgreSQL and Kafka (about 80 MB), so
 * every `./mvnw verify` used to leave a quarter of a gigabyte behind; the latest run's homes stay until the next run,
 * so that its logs can still be read after a failure.
 */
public final class ThrowawayHomes {

    /** A home this young may belong to a run that has created it and not yet locked it. */
    static final Duration SETTLING = Duration.ofMinutes(10);

    private ThrowawayHomes() {
    }

    /** A new, empty home named {@code prefix} and a random suffix, in the temporary directory. */
    public static Path create(String prefix) throws IOException {
        return create(Path.of(System.getProperty("java.io.tmpdir")), prefix, Instant.now());
    }

    static Path create(Path parent, String prefix, Instant now) throws IOException {
        try (DirectoryStream<Path> earlier = Files.newDirectoryStream(parent, prefix + "*")) {
            Instant settled = now.minus(SETTLING);
            for (Path home : earlier) {
                if (Files.isDirectory(home) && Files.getLastModifiedTime(home).toInstant().isBefore(settled)) {
                    removeIfIdle(new StackHome(home));
                }
            }
        }
        return Files.createTempDirectory(parent, prefix);
    }

    /** Removes the home unless its stack still runs; ends first whatever a killed run left running there. */
    private static void removeIfIdle(StackHome home) throws IOException {
        Optional<FileChannel> lock;
        try {
            lock = home.tryLock();
        } catch (OverlappingFileLockException e) {
            return; // a stack of this JVM runs there
        }
        if (lock.isEmpty()) {
            return; // a stack of another process runs there
        }
        try (FileChannel held = lock.get()) {
            Leftovers.stop(home);
            discard(home.root());
        }
    }

    /** Deletes a home whose stack has stopped, with everything in it. */
    public static void discard(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
