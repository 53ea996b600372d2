package org.chorus.survey.response;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.chorus.platform.events.contract.ResponseData;
import org.chorus.survey.definition.PublishedSurvey;

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

    /** What its events say of it: where and how it came, never its answers. */
    ResponseData eventData(PublishedSurvey survey) {
        return new ResponseData(id, survey.surveyId(), surveyVersion, survey.organisationId(), viaOrganisationId,
                placeCode, channel.name(), submittedAt);
    }
}
