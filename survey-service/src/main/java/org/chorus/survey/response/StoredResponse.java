package org.chorus.survey.response;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** An accepted response as kept: no identity of the respondent, only who entered it when staff did. */
public record StoredResponse(
        UUID id,
        UUID surveyId,
        int surveyVersion,
        Channel channel,
        String placeCode,
        UUID viaOrganisationId,
        String enteredBy,
        Instant submittedAt,
        Map<String, Answer> answers) {
}
