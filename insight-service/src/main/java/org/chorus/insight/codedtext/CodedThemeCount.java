package org.chorus.insight.codedtext;

import org.chorus.platform.web.suppression.Suppression;
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

    /** A count as shown: suppressed from 1 to 4, as in every survey result. */
    static CodedThemeCount of(String code, String label, long answers) {
        boolean suppressed = answers > 0 && answers < Suppression.THRESHOLD;
        return new CodedThemeCount(code, label, suppressed ? null : answers, suppressed);
    }

    /** A count hidden to protect another from being worked out by subtraction. */
    static CodedThemeCount hidden(String code, String label) {
        return new CodedThemeCount(code, label, null, true);
    }
}
