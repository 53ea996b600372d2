package org.chorus.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;

/**
 * The files the supervisor shares with the script and `./chorus status` (state, secrets, restarts, requests), read
 * while they are written: each is written beside its place and moved into it, so that no reader sees half of one.
 */
final class StackFiles {

    private StackFiles() {
    }

    /** Writes the whole file at once; a new file gets the attributes given (owner-only, for a secret). */
    static void writeWhole(Path file, String content, FileAttribute<?>... attributes) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        Files.createFile(temporary, attributes);
        Files.writeString(temporary, content, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** When a file was last written, if it exists. */
    static Optional<Instant> modifiedAt(Path file) {
        try {
            return Optional.of(Files.getLastModifiedTime(file)).map(FileTime::toInstant);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
