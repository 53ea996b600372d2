package org.chorus.directory.webhook;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.platform.events.ChorusEvent;
import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.events.EventType;
import org.chorus.platform.events.contract.SurveyData;
import org.chorus.platform.inbox.EventHandler;

/** Surveys opened or closed and results published, as webhooks: id, version, times and link. */
@ApplicationScoped
public class SurveyWebhooks implements EventHandler<SurveyData> {

    private final WebhookFanOut fanOut;

    public SurveyWebhooks(WebhookFanOut fanOut) {
        this.fanOut = fanOut;
    }

    @Override
    public Set<EventType<SurveyData>> types() {
        return Set.of(ChorusEventTypes.SURVEY_PUBLISHED, ChorusEventTypes.SURVEY_CLOSED,
                ChorusEventTypes.SURVEY_RESULTS_PUBLISHED);
    }

    @Override
    public void receive(SurveyData survey, ChorusEvent event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("surveyId", survey.surveyId());
        data.put("organisationId", survey.organisationId());
        data.put("version", survey.version());
        data.put("status", survey.status());
        data.put("opensAt", survey.opensAt());
        data.put("closesAt", survey.closesAt());
        data.put("link", "/api/v1/surveys/" + survey.surveyId());
        fanOut.fanOut(event, survey.organisationId(), data);
    }
}
