package org.chorus.insight.finding;

import java.time.LocalDate;
import java.util.UUID;

import org.chorus.insight.activity.EngagementMethod;
import org.chorus.insight.activity.ProgrammeArea;
import org.chorus.platform.web.input.QueryRanges;

/**
 * Narrows a search of findings; a null field does not filter. The text is read as a web search (words, "phrases",
 * -exclusions); dates select findings whose activity overlaps the period.
 */
public record FindingFilter(String text, String theme, String placeCode, EngagementMethod method,
        ProgrammeArea programmeArea, UUID organisationId, Sentiment sentiment, LocalDate from, LocalDate to) {

    public FindingFilter {
        QueryRanges.notBefore("to", to, "from", from);
    }
}
