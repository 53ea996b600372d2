package org.chorus.insight.organisation;

import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.platform.events.ChorusEvent;
import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.events.EventType;
import org.chorus.platform.events.contract.OrganisationData;
import org.chorus.platform.inbox.EventHandler;
import org.chorus.platform.time.StoredTime;

/**
 * Keeps the organisation replica in step with the directory. Every organisation event carries the whole state, so
 * applying the newest one is enough; an event older than what is held (a late redelivery) changes nothing.
 */
@ApplicationScoped
public class OrganisationEventHandler implements EventHandler<OrganisationData> {

    private final OrganisationReplicaRepository replicas;

    public OrganisationEventHandler(OrganisationReplicaRepository replicas) {
        this.replicas = replicas;
    }

    @Override
    public Set<EventType<OrganisationData>> types() {
        return Set.of(ChorusEventTypes.ORGANISATION_REGISTERED, ChorusEventTypes.ORGANISATION_UPDATED,
                ChorusEventTypes.ORGANISATION_DEACTIVATED);
    }

    @Override
    public void receive(OrganisationData data, ChorusEvent event) {
        if (data.organisationId() == null || !data.organisationId().toString().equals(event.aggregateId())) {
            throw new IllegalArgumentException("event data is about another organisation than its key");
        }
        UUID id = data.organisationId();
        OrganisationReplicaEntity replica = replicas.findByIdOptional(id).orElse(null);
        if (replica == null) {
            replica = new OrganisationReplicaEntity();
            replica.id = id;
            apply(data, event.sequence(), replica);
            replicas.persist(replica);
        } else if (replica.lastSequence < event.sequence()) {
            apply(data, event.sequence(), replica);
        }
    }

    private static void apply(OrganisationData data, long sequence, OrganisationReplicaEntity replica) {
        replica.name = data.name();
        replica.type = data.type();
        replica.placeCodes = data.placeCodes();
        replica.active = data.active();
        replica.lastSequence = sequence;
        replica.updatedAt = StoredTime.now();
    }
}
