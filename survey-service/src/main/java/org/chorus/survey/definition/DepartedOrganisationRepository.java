package org.chorus.survey.definition;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Remembers which organisations have left the partnership, and since when. */
@ApplicationScoped
public class DepartedOrganisationRepository implements PanacheRepositoryBase<DepartedOrganisationEntity, UUID> {

    /** Records the departure once; a later deactivation event for the same organisation keeps the first time. */
    public void record(UUID organisationId, Instant departedAt) {
        if (findByIdOptional(organisationId).isEmpty()) {
            DepartedOrganisationEntity departed = new DepartedOrganisationEntity();
            departed.organisationId = organisationId;
            departed.departedAt = departedAt;
            persist(departed);
        }
    }

    public Optional<Instant> departedAt(UUID organisationId) {
        return findByIdOptional(organisationId).map(departed -> departed.departedAt);
    }
}
