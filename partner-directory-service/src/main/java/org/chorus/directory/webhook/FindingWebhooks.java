package org.chorus.directory.webhook;

import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.events.EventType;
import org.chorus.platform.events.contract.FindingData;

/** Findings published or withdrawn, as webhooks: the finding's id, activity and link, never its statement. */
@ApplicationScoped
public class FindingWebhooks extends EventWebhooks<FindingData> {

    public FindingWebhooks(WebhookFanOut fanOut) {
        super(fanOut, FindingData::organisationId, finding -> "/api/v1/findings/" + finding.findingId());
    }

    @Override
    public Set<EventType<FindingData>> types() {
        return Set.of(ChorusEventTypes.FINDING_PUBLISHED, ChorusEventTypes.FINDING_WITHDRAWN);
    }

    @Override
    protected void describe(FindingData finding, Map<String, Object> data) {
        data.put("findingId", finding.findingId());
        data.put("activityId", finding.activityId());
        data.put("organisationId", finding.organisationId());
    }
}
