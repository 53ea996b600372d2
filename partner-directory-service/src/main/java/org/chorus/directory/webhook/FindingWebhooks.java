package org.chorus.directory.webhook;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.platform.events.ChorusEvent;
import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.events.EventType;
import org.chorus.platform.events.contract.FindingData;
import org.chorus.platform.inbox.EventHandler;

/** Findings published or withdrawn, as webhooks: the finding's id, activity and link, never its statement. */
@ApplicationScoped
public class FindingWebhooks implements EventHandler<FindingData> {

    private final WebhookFanOut fanOut;

    public FindingWebhooks(WebhookFanOut fanOut) {
        this.fanOut = fanOut;
    }

    @Override
    public Set<EventType<FindingData>> types() {
        return Set.of(ChorusEventTypes.FINDING_PUBLISHED, ChorusEventTypes.FINDING_WITHDRAWN);
    }

    @Override
    public void receive(FindingData finding, ChorusEvent event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("findingId", finding.findingId());
        data.put("activityId", finding.activityId());
        data.put("organisationId", finding.organisationId());
        data.put("link", "/api/v1/findings/" + finding.findingId());
        fanOut.fanOut(event, finding.organisationId(), data);
    }
}
