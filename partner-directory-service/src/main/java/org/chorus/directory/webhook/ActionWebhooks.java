package org.chorus.directory.webhook;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.platform.events.ChorusEvent;
import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.events.EventType;
import org.chorus.platform.events.contract.ActionData;
import org.chorus.platform.inbox.EventHandler;

/** "You said, we did" actions published or moved on, as webhooks: ids, status and link, never their wording. */
@ApplicationScoped
public class ActionWebhooks implements EventHandler<ActionData> {

    private final WebhookFanOut fanOut;

    public ActionWebhooks(WebhookFanOut fanOut) {
        this.fanOut = fanOut;
    }

    @Override
    public Set<EventType<ActionData>> types() {
        return Set.of(ChorusEventTypes.ACTION_PUBLISHED, ChorusEventTypes.ACTION_STATUS_CHANGED);
    }

    @Override
    public void receive(ActionData action, ChorusEvent event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("actionId", action.actionId());
        data.put("organisationId", action.organisationId());
        data.put("findingIds", action.findingIds());
        data.put("status", action.status());
        data.put("link", "/api/v1/actions/" + action.actionId());
        fanOut.fanOut(event, action.organisationId(), data);
    }
}
