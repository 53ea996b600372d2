package org.chorus.platform.events.contract;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A finding was published (or withdrawn). Carries its classification, not its statement or quotes: those are read
 * through the API, where publication rules apply.
 */
public record FindingData(
        UUID findingId,
        UUID activityId,
        UUID organisationId,
        List<String> themes,
        String sentiment,
        int participantCount,
        List<String> placeCodes,
        LocalDate heardOn,
        boolean published) {
}
