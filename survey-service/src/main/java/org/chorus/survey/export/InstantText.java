package org.chorus.survey.export;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An instant as {@link Instant#toString()} writes it (ISO-8601 in UTC, the fraction in groups of three digits as
 * needed), written by hand: every row of an export has one, and the JDK's formatter cost a tenth of the export's
 * reading thread and, at each start of the service, more than half a second of compiling.
 */
final class InstantText {

    /** 10000-01-01T00:00:00Z: from then on a year needs more than four digits, which the JDK writes with a sign. */
    private static final long FIVE_DIGIT_YEARS = 253_402_300_800L;
    private static final int SECONDS_PER_DAY = 86_400;

    private InstantText() {
    }

    static String of(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < 0 || seconds >= FIVE_DIGIT_YEARS) {
            return instant.toString();
        }
        LocalDate date = LocalDate.ofEpochDay(seconds / SECONDS_PER_DAY);
        int secondOfDay = (int) (seconds % SECONDS_PER_DAY);
        byte[] text = new byte[30];
        digits(text, 0, date.getYear(), 4);
        text[4] = '-';
        digits(text, 5, date.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, date.getDayOfMonth(), 2);
        text[10] = 'T';
        digits(text, 11, secondOfDay / 3600, 2);
        text[13] = ':';
        digits(text, 14, secondOfDay / 60 % 60, 2);
        text[16] = ':';
        digits(text, 17, secondOfDay % 60, 2);
        int length = fraction(text, 19, instant.getNano());
        text[length] = 'Z';
        return new String(text, 0, length + 1, StandardCharsets.ISO_8859_1);
    }

    /** @return where the text goes on after the fraction, which is left out when the instant has none */
    private static int fraction(byte[] text, int at, int nanos) {
        if (nanos == 0) {
            return at;
        }
        text[at] = '.';
        if (nanos % 1_000_000 == 0) {
            digits(text, at + 1, nanos / 1_000_000, 3);
            return at + 4;
        }
        if (nanos % 1000 == 0) {
            digits(text, at + 1, nanos / 1000, 6);
            return at + 7;
        }
        digits(text, at + 1, nanos, 9);
        return at + 10;
    }

    private static void digits(byte[] text, int at, int value, int count) {
        for (int i = at + count - 1; i >= at; i--) {
            text[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }
}
