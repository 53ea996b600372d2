package org.chorus.insight.events;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.platform.events.ChorusEvent;
import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.events.EventType;
import org.chorus.platform.events.contract.ResponseData;
import org.chorus.platform.inbox.EventHandler;

/** A second handler of response events beside reach's, as a new feature would add one: it notes what it was given. */
@ApplicationScoped
public class ResponseEventsWitness implements EventHandler<ResponseData> {

    private final List<String> seen = new CopyOnWriteArrayList<>();

    @Override
    public Set<EventType<ResponseData>> types() {
        return Set.of(ChorusEventTypes.RESPONSE_SUBMITTED);
    }

    @Override
    public void receive(ResponseData data, ChorusEvent event) {
        seen.add(event.id());
    }

    public long timesSeen(String eventId) {
        return seen.stream().filter(eventId::equals).count();
    }
}
