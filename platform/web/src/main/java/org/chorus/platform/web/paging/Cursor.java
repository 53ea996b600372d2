package org.chorus.platform.web.paging;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

import org.chorus.platform.web.input.PostgresRanges;
import org.chorus.platform.web.input.WrittenUuids;
import org.chorus.platform.web.problem.ProblemException;

/**
 * A keyset position: the sort value and the id of the last item seen. Opaque to callers (base64url), so the sort can
 * change without breaking them; a tampered cursor is a 400 naming the parameter, never a 500.
 */
public record Cursor(String sortValue, UUID id) {

    public String encode() {
        String raw = sortValue + "\n" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** @return the decoded cursor, or null when none was given */
    public static Cursor decode(String encoded) {
        if (encoded == null || encoded.isBlank()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            int split = raw.lastIndexOf('\n');
            if (raw.indexOf('\0') >= 0) {
                // PostgreSQL refuses NUL in text, so a sort value with one would fail the query instead.
                throw notIssued();
            }
            return new Cursor(raw.substring(0, split), WrittenUuids.parse(raw.substring(split + 1)));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw notIssued();
        }
    }

    /** The sort value as the instant it was written from; a tampered one is the caller's 400, not a 500. */
    public Instant instant() {
        return sortValueAs(Instant::parse, PostgresRanges::holds);
    }

    /** The sort value as the date it was written from; a tampered one is the caller's 400, not a 500. */
    public LocalDate date() {
        return sortValueAs(LocalDate::parse, PostgresRanges::holds);
    }

    private <T> T sortValueAs(Function<String, T> parse, Predicate<T> postgresHolds) {
        try {
            T value = parse.apply(sortValue);
            // A sort value PostgreSQL cannot hold was not issued here.
            if (!postgresHolds.test(value)) {
                throw notIssued();
            }
            return value;
        } catch (DateTimeException e) {
            throw notIssued();
        }
    }

    /** The sort value as the whole number it was written from (a position); a tampered one is a 400, not a 500. */
    public long number() {
        try {
            return Long.parseLong(sortValue);
        } catch (NumberFormatException e) {
            throw notIssued();
        }
    }

    /** @return the cursor's instant, or null when there is no cursor */
    public static Instant instantOf(Cursor cursor) {
        return cursor == null ? null : cursor.instant();
    }

    /** @return the cursor's date, or null when there is no cursor */
    public static LocalDate dateOf(Cursor cursor) {
        return cursor == null ? null : cursor.date();
    }

    /** @return the id of the cursor's last item, or null when there is no cursor */
    public static UUID idOf(Cursor cursor) {
        return cursor == null ? null : cursor.id();
    }

    private static ProblemException notIssued() {
        return ProblemException.invalidParameter("cursor", "not a cursor this API issued");
    }
}
