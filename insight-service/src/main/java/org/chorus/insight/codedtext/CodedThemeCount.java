package org.chorus.insight.codedtext;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How many coded survey answers count towards one theme, with small numbers suppressed as survey results are. */
@Schema(name = "CodedThemeCount")
public record CodedThemeCount(
        @Schema(examples = "waiting-times") String code,
        @Schema(description = "The taxonomy's label; absent when the taxonomy has no theme of this code, which a "
                + "coding frame may still map a category to", examples = "Waiting times and referrals") String label,
        @Schema(description = "Coded answers mapped to the theme; absent when suppressed", examples = "12")
        Long answers,
        @Schema(description = "True when 1 to 4 answers count towards it: too few to show") boolean suppressed) {

    /** Counts from 1 to this minus one are shown as suppressed, as in every survey result. */
    static final int THRESHOLD = 5;

    static CodedThemeCount of(String code, String label, long answers) {
        boolean suppressed = answers > 0 && answers < THRESHOLD;
        return new CodedThemeCount(code, label, suppressed ? null : answers, suppressed);
    }
}
