package org.chorus.localstack;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThrowawayHomesTest {

    private static final Instant NOW = Instant.parse("2026-12-03T18:00:00Z");

    @TempDir
    Path temporary;

    @Test
    void anEarlierRunsIdleHomeIsRemovedWithEverythingInIt() throws IOException {
        Path earlier = Files.createDirectories(temporary.resolve("chorus-e2e-1/postgres/base")).getParent().getParent();
        Files.writeString(earlier.resolve("postgres/base/1"), "rows");
        age(home(earlier.getFileName().toString(), Duration.ZERO), Duration.ofHours(2));

        Path created = ThrowawayHomes.create(temporary, "chorus-e2e-", NOW);

        assertFalse(Files.exists(earlier));
        assertTrue(Files.isDirectory(created));
        assertTrue(created.getFileName().toString().startsWith("chorus-e2e-"));
    }

    @Test
    void aHomeWhoseStackRunsIsKept() throws IOException {
        Path running = home("chorus-e2e-2", Duration.ofHours(2));
        try (FileChannel lock = new StackHome(running).tryLock().orElseThrow()) {
            age(running, Duration.ofHours(2));
            ThrowawayHomes.create(temporary, "chorus-e2e-", NOW);
            assertTrue(Files.exists(running.resolve("local-stack.lock")));
        }
    }

    @Test
    void aHomeJustCreatedByAnotherRunIsKept() throws IOException {
        Path young = home("chorus-e2e-3", ThrowawayHomes.SETTLING.minusMinutes(1));
        ThrowawayHomes.create(temporary, "chorus-e2e-", NOW);
        assertTrue(Files.exists(young));
    }

    @Test
    void homesOfOtherKindsAreLeftAlone() throws IOException {
        Path other = home("chorus-faults-4", Duration.ofHours(2));
        ThrowawayHomes.create(temporary, "chorus-e2e-", NOW);
        assertTrue(Files.exists(other));
    }

    private Path home(String name, Duration age) throws IOException {
        Path home = Files.createDirectories(temporary.resolve(name));
        Files.writeString(home.resolve("db-password"), "secret");
        return age(home, age);
    }

    /** Last changed this long before now; anything written into the home afterwards changes that again. */
    private static Path age(Path home, Duration age) throws IOException {
        Files.setLastModifiedTime(home, FileTime.from(NOW.minus(age)));
        return home;
    }
}
