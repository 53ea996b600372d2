package org.chorus.platform.web.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.chorus.platform.web.problem.FieldError;
import org.chorus.platform.web.problem.Problem;
import org.chorus.platform.web.problem.ProblemException;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * A page's cursor comes back as it was issued, and anything else a caller sends as a cursor is a 400 naming the
 * parameter: never a 500, never a query PostgreSQL would refuse.
 */
class CursorTest {

    @Test
    void noCursorIsTheFirstPage() {
        assertNull(Cursor.decode(null));
        assertNull(Cursor.decode(" "));
        assertNull(Cursor.instantOf(null));
        assertNull(Cursor.dateOf(null));
    }

    /** Generated positions, sort values with line breaks and any text included: decoded as they were encoded. */
    @RepeatedTest(300)
    void anIssuedCursorComesBackAsItWas(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        Instant time = Instant.ofEpochSecond(random.nextLong(-200_000_000_000L, 200_000_000_000L),
                random.nextInt(1_000_000_000));
        LocalDate date = LocalDate.ofEpochDay(random.nextLong(-2_000_000, 2_000_000));
        String text = random.ints(random.nextInt(0, 30), 1, 0x2FFF).mapToObj(Character::toString)
                .reduce("", String::concat) + (random.nextBoolean() ? "\nsecond line" : "");
        UUID id = new UUID(random.nextLong(), random.nextLong());

        assertEquals(time, Cursor.decode(new Cursor(time.toString(), id).encode()).instant());
        assertEquals(date, Cursor.decode(new Cursor(date.toString(), id).encode()).date());
        assertEquals(new Cursor(text, id), Cursor.decode(new Cursor(text, id).encode()));
    }

    /** Generated strings a caller might send instead: a cursor this API issued, or a 400 naming the parameter. */
    @RepeatedTest(300)
    void anythingElseIsRefusedNamingTheParameter(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        byte[] bytes = new byte[random.nextInt(1, 60)];
        random.nextBytes(bytes);
        String sent = random.nextBoolean() ? Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)
                : new String(bytes, StandardCharsets.ISO_8859_1);
        try {
            Cursor cursor = Cursor.decode(sent);
            if (cursor != null) {
                assertRefusedOrRead(() -> cursor.instant());
                assertRefusedOrRead(() -> cursor.date());
            }
        } catch (ProblemException e) {
            assertNotIssued(e);
        }
    }

    @Test
    void positionsPostgreSqlCannotHoldAreRefused() {
        UUID id = UUID.randomUUID();
        assertNotIssued(assertThrows(ProblemException.class,
                () -> Cursor.decode(new Cursor("+300000-01-01T00:00:00Z", id).encode()).instant()));
        assertNotIssued(assertThrows(ProblemException.class,
                () -> Cursor.decode(new Cursor("-5000-01-01T00:00:00Z", id).encode()).instant()));
        assertNotIssued(assertThrows(ProblemException.class,
                () -> Cursor.decode(new Cursor("-5000-01-01", id).encode()).date()));
        assertNotIssued(assertThrows(ProblemException.class,
                () -> Cursor.decode(new Cursor("2024-01-01\u0000", id).encode())));
        assertNotIssued(assertThrows(ProblemException.class,
                () -> Cursor.decode(new Cursor("yesterday", id).encode()).instant()));
    }

    private static void assertRefusedOrRead(Runnable read) {
        try {
            read.run();
        } catch (ProblemException e) {
            assertNotIssued(e);
        }
    }

    private static void assertNotIssued(ProblemException refused) {
        Problem problem = refused.toProblem(null);
        assertEquals(400, problem.status());
        assertEquals(List.of(FieldError.parameter("cursor", "not a cursor this API issued")), problem.errors());
    }
}
