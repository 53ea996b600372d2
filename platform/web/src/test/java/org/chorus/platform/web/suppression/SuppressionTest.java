package org.chorus.platform.web.suppression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** Small-number suppression: counts of 1 to 4 are hidden, and so is whatever would give one away by subtraction. */
class SuppressionTest {

    @Test
    void countsOfOneToFourAreHiddenAndZeroAndFiveAreShown() {
        var hidden = new Suppression<>(Map.of("a", 0L, "b", 1L, "c", 4L, "d", 5L)).hidden();
        assertEquals(Set.of("b", "c"), hidden);
    }

    @Test
    void aLoneHiddenCellInAKnownTotalTakesTheSmallestOtherCellWithIt() {
        var hidden = new Suppression<>(Map.of("a", 3L, "b", 40L, "c", 12L, "d", 0L))
                .knownSum(List.of("a", "b", "c", "d")).hidden();
        assertEquals(Set.of("a", "c"), hidden, "12 goes too, or total - 40 - 12 - 0 would give 3 away");
    }

    @Test
    void protectionCarriesAcrossOverlappingTotalsUntilNoneHasOneHiddenCell() {
        // rows: (a b), (c d); columns: (a c), (b d); only a is small
        var hidden = new Suppression<>(Map.of("a", 2L, "b", 10L, "c", 7L, "d", 20L))
                .knownSum(List.of("a", "b")).knownSum(List.of("c", "d"))
                .knownSum(List.of("a", "c")).knownSum(List.of("b", "d")).hidden();
        assertEquals(Set.of("a", "b", "c", "d"), hidden);
    }

    /**
     * Generated tables of small and large counts whose row, column and grand totals a reader knows: every count of 1
     * to 4 is hidden, and no total has exactly one hidden cell, which subtraction would reveal.
     */
    @RepeatedTest(300)
    void noSmallCountIsShownOrFollowsFromAKnownTotal(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        int rows = random.nextInt(2, 5);
        int columns = random.nextInt(2, 6);
        Map<String, Long> counts = new HashMap<>();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                counts.put(r + "," + c, (long) List.of(0, 1, 2, 4, 5, 6, 20).get(random.nextInt(7)));
            }
        }
        List<List<String>> totals = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            int row = r;
            totals.add(counts.keySet().stream().filter(k -> k.startsWith(row + ",")).toList());
        }
        for (int c = 0; c < columns; c++) {
            int column = c;
            totals.add(counts.keySet().stream().filter(k -> k.endsWith("," + column)).toList());
        }
        totals.add(List.copyOf(counts.keySet()));
        Suppression<String> suppression = new Suppression<>(counts);
        totals.forEach(suppression::knownSum);

        Set<String> hidden = suppression.hidden();
        counts.forEach((cell, count) -> assertTrue(count == 0 || count >= Suppression.THRESHOLD || hidden.contains(cell),
                cell + " = " + count + " is shown"));
        for (List<String> total : totals) {
            // a total of one cell is that cell, suppressed or shown alike wherever it appears
            long hiddenInTotal = total.stream().filter(hidden::contains).count();
            assertTrue(hiddenInTotal != 1, "total " + total + " reveals its one hidden cell; counts " + counts);
        }
    }
}
