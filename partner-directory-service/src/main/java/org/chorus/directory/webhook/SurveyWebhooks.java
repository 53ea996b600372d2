package org.chorus.directory.webhook;

import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.events.EventType;
import org.chorus.platform.events.contract.SurveyData;

/** Surveys opened or closed and results published, as webhooks: id, version, times and link. */
@ApplicationScoped
public class SurveyWebhooks extends EventWebhooks<SurveyData> {

    public SurveyWebhooks(WebhookFanOut fanOut) {
        super(fanOut, SurveyData::organisationId, survey -> "/api/v1/surveys/" + survey.surveyId());
    }

    @Override
    public Set<EventType<SurveyData>> types() {
        return Set.of(ChorusEventTypes.SURVEY_PUBLISHED, ChorusEventTypes.SURVEY_CLOSED,
                ChorusEventTypes.SURVEY_RESULTS_PUBLISHED);
    }

    @Override
    protected void describe(SurveyData survey, Map<String, Object> data) {
        data.put("surveyId", survey.surveyId());
        data.put("organisationId", survey.organisationId());
        data.put("version", survey.version());
        data.put("status", survey.status());
        data.put("opensAt", survey.opensAt());
        data.put("closesAt", survey.closesAt());
    }
}
