package org.chorus.insight.organisation;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Reads the local replica of the directory's organisations. */
@ApplicationScoped
public class OrganisationReplicaRepository implements PanacheRepositoryBase<OrganisationReplicaEntity, UUID> {

    public Optional<OrganisationReplicaEntity> findActive(UUID id) {
        return findByIdOptional(id).filter(o -> o.active);
    }
}
