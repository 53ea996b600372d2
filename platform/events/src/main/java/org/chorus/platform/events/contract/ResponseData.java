package org.chorus.platform.events.contract;

import java.time.Instant;
import java.util.UUID;

/**
 * A response was accepted or erased. Carries only what reach summaries count: never answers, free text, contact
 * details or demographics.
 *
 * @param responseId pseudonymous id of the response
 * @param surveyOrganisationId the organisation that owns the survey
 * @param viaOrganisationId the organisation whose website or staff submitted it; null when unknown
 * @param placeCode the place the respondent chose, if the survey asked; null otherwise
 * @param channel online, phone, paper, easy-read or event
 */
public record ResponseData(
        UUID responseId,
        UUID surveyId,
        int surveyVersion,
        UUID surveyOrganisationId,
        UUID viaOrganisationId,
        String placeCode,
        String channel,
        Instant submittedAt) {
}
