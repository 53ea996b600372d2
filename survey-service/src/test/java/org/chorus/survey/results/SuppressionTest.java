package org.chorus.survey.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

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
}
