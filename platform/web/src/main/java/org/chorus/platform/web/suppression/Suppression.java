package org.chorus.platform.web.suppression;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Small-number suppression over a set of counts. A count of 1 to 4 people is hidden (primary suppression). Then, for
 * every group of cells whose sum a reader can learn elsewhere (a total, the overall figure, the other positions of a
 * ranking), a group with exactly one hidden cell would give it away by subtraction, so the smallest other cell of the
 * group is hidden too (secondary suppression), repeated until no group has exactly one hidden cell.
 */
public final class Suppression<C> {

    /** Counts from 1 to this minus one are hidden in every published figure. */
    public static final int THRESHOLD = 5;

    private final Map<C, Long> counts;
    private final List<List<C>> sums = new ArrayList<>();
    private final Set<C> hidden = new HashSet<>();

    public Suppression(Map<C, Long> counts) {
        this.counts = counts;
    }

    /** Declares that the sum of these cells can be known to a reader. */
    public Suppression<C> knownSum(List<C> cells) {
        if (cells.size() > 1) {
            sums.add(cells);
        }
        return this;
    }

    /** @return the cells to show as suppressed */
    public Set<C> hidden() {
        counts.forEach((cell, count) -> {
            if (count > 0 && count < THRESHOLD) {
                hidden.add(cell);
            }
        });
        boolean changed = true;
        while (changed) {
            changed = false;
            for (List<C> sum : sums) {
                changed |= protect(sum);
            }
        }
        return hidden;
    }

    private boolean protect(List<C> sum) {
        if (sum.stream().filter(hidden::contains).count() != 1) {
            return false;
        }
        // prefer hiding a non-zero cell: hiding a zero tells a reader that the pair sums to the other's value
        return sum.stream().filter(c -> !hidden.contains(c))
                .min(Comparator.comparing((C c) -> count(c) == 0).thenComparing(this::count))
                .map(hidden::add).orElse(false);
    }

    private long count(C cell) {
        return counts.getOrDefault(cell, 0L);
    }
}
