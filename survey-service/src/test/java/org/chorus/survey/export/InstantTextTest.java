package org.chorus.survey.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** An export's times must read exactly as the JDK writes them, which analysts' earlier exports hold. */
class InstantTextTest {

    @RepeatedTest(300)
    void writesWhatTheJdkWrites(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        for (int i = 0; i < 100; i++) {
            long seconds = random.nextLong(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond());
            long nearNow = random.nextLong(0, 4_102_444_800L);
            for (long second : List.of(seconds, nearNow)) {
                for (int nanos : List.of(0, random.nextInt(1000) * 1_000_000, random.nextInt(1_000_000) * 1000,
                        random.nextInt(1_000_000_000))) {
                    Instant instant = Instant.ofEpochSecond(second, nanos);
                    assertEquals(instant.toString(), InstantText.of(instant));
                }
            }
        }
    }

    @Test
    void writesTheEdgesOfItsOwnRangeAsTheJdkDoes() {
        for (Instant instant : List.of(Instant.EPOCH, Instant.ofEpochSecond(-1, 999_999_999),
                Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("2024-02-29T12:00:00.100Z"), Instant.parse("2026-12-04T09:30:00.000001Z"))) {
            assertEquals(instant.toString(), InstantText.of(instant));
        }
    }
}
