package org.chorus.platform.web.input;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;

import org.chorus.platform.web.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** A period's ends in order, or a 400 naming its end; an end left out leaves the period open. */
class QueryRangesTest {

    private static final LocalDate NEW_YEAR = LocalDate.of(2019, 1, 1);
    private static final LocalDate NEW_YEARS_EVE = LocalDate.of(2019, 12, 31);

    @Test
    void aPeriodThatIncludesItsLastDayMayBeOneDayLong() {
        assertDoesNotThrow(() -> QueryRanges.notBefore("to", NEW_YEARS_EVE, "from", NEW_YEAR));
        assertDoesNotThrow(() -> QueryRanges.notBefore("to", NEW_YEAR, "from", NEW_YEAR));
        assertDoesNotThrow(() -> QueryRanges.notBefore("to", null, "from", NEW_YEAR));
        assertDoesNotThrow(() -> QueryRanges.notBefore("to", NEW_YEAR, "from", null));
        ProblemException swapped = assertThrows(ProblemException.class,
                () -> QueryRanges.notBefore("to", NEW_YEAR, "from", NEW_YEARS_EVE));
        assertEquals(400, swapped.status());
        assertEquals("to: must not be before from", swapped.getMessage());
    }

    @Test
    void aPeriodThatEndsBeforeItsEndMustEndAfterItStarts() {
        Instant since = Instant.parse("2026-11-01T00:00:00Z");
        assertDoesNotThrow(() -> QueryRanges.after("until", since.plusSeconds(1), "since", since));
        assertDoesNotThrow(() -> QueryRanges.after("until", null, "since", since));
        assertThrows(ProblemException.class, () -> QueryRanges.after("until", since, "since", since), "empty");
        assertThrows(ProblemException.class, () -> QueryRanges.after("until", since.minusSeconds(1), "since", since));
    }
}
