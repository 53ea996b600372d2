package org.chorus.platform.events.contract;

import java.time.Instant;
import java.util.UUID;

/**
 * State of a survey after it was published or closed: what other services need to know that it exists and when it
 * runs. No questions or wording travel; those stay in the survey service.
 */
public record SurveyData(
        UUID surveyId,
        UUID organisationId,
        int version,
        String title,
        String status,
        Instant opensAt,
        Instant closesAt) {
}
