package org.chorus.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What `./chorus status` says of a part the watch restarted: how often, when last and why. */
class RestartJournalTest {

    @Test
    void aRestartOnTheMinuteKeepsItsSeconds(@TempDir Path run) throws Exception {
        RestartJournal journal = journalAt(run, "2026-12-07T17:05:00Z");
        journal.record("survey-service", "exited with code 137");

        assertEquals(Optional.of("restarted once, the last at 17:05:00: exited with code 137"),
                journal.summary("survey-service"));
    }

    @Test
    void eachRestartIsCountedAndTheLastOneIsTold(@TempDir Path run) throws Exception {
        journalAt(run, "2026-12-07T17:04:35.999Z").record("gateway", "said DOWN 3 times in a row");
        RestartJournal later = journalAt(run, "2026-12-07T17:09:12Z");
        later.record("gateway", "exited with code 1");

        assertEquals(Optional.of("restarted 2 times, the last at 17:09:12: exited with code 1"),
                later.summary("gateway"));
        assertEquals(Optional.empty(), later.summary("survey-service"));
    }

    private static RestartJournal journalAt(Path run, String instant) {
        return new RestartJournal(run.resolve("restarts.properties"),
                Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }
}
