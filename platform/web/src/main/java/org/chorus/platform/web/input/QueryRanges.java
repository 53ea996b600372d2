package org.chorus.platform.web.input;

import org.chorus.platform.web.problem.ProblemException;

/**
 * The two ends of a period a caller gives as query parameters come in order. The other way round, a list or export
 * answers an empty page, or one that answers another question, and the caller never learns the ends were swapped.
 */
public final class QueryRanges {

    private QueryRanges() {
    }

    /** For a period that includes its last day: {@code to} may be {@code from}, never before it. */
    public static <T extends Comparable<? super T>> void notBefore(String toName, T to, String fromName, T from) {
        if (from != null && to != null && to.compareTo(from) < 0) {
            throw ProblemException.invalidParameter(toName, "must not be before " + fromName);
        }
    }

    /** For a period that ends just before {@code until}: it must come after {@code since}. */
    public static <T extends Comparable<? super T>> void after(String untilName, T until, String sinceName, T since) {
        if (since != null && until != null && until.compareTo(since) <= 0) {
            throw ProblemException.invalidParameter(untilName, "must be after " + sinceName);
        }
    }
}
