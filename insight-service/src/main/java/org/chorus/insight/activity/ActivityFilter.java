package org.chorus.insight.activity;

import java.time.LocalDate;
import java.util.UUID;

import org.chorus.platform.web.input.QueryRanges;

/** Narrows a list of activities; a null field does not filter. Dates select activities overlapping the period. */
public record ActivityFilter(UUID organisationId, String placeCode, EngagementMethod method, ProgrammeArea programmeArea,
        LocalDate from, LocalDate to) {

    public ActivityFilter {
        QueryRanges.notBefore("to", to, "from", from);
    }
}
