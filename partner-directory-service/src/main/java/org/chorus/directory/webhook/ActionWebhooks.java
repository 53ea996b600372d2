package org.chorus.directory.webhook;

import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.events.EventType;
import org.chorus.platform.events.contract.ActionData;

/** "You said, we did" actions published or moved on, as webhooks: ids, status and link, never their wording. */
@ApplicationScoped
public class ActionWebhooks extends EventWebhooks<ActionData> {

    public ActionWebhooks(WebhookFanOut fanOut) {
        super(fanOut, ActionData::organisationId, action -> "/api/v1/actions/" + action.actionId());
    }

    @Override
    public Set<EventType<ActionData>> types() {
        return Set.of(ChorusEventTypes.ACTION_PUBLISHED, ChorusEventTypes.ACTION_STATUS_CHANGED);
    }

    @Override
    protected void describe(ActionData action, Map<String, Object> data) {
        data.put("actionId", action.actionId());
        data.put("organisationId", action.organisationId());
        data.put("findingIds", action.findingIds());
        data.put("status", action.status());
    }
}
