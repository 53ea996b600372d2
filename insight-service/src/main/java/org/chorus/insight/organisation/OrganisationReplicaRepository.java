package org.chorus.insight.organisation;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Reads the local replica of the directory's organisations. */
@ApplicationScoped
public class OrganisationReplicaRepository implements PanacheRepositoryBase<OrganisationReplicaEntity, UUID> {

    public Optional<OrganisationReplicaEntity> findActive(UUID id) {
        return findByIdOptional(id).filter(o -> o.active);
    }

    /** Every place some active organisation covers: the places the partnership knows and can be heard in. */
    @SuppressWarnings("unchecked")
    public Set<String> knownPlaceCodes() {
        List<String> codes = getEntityManager()
                .createNativeQuery("SELECT DISTINCT unnest(place_codes) FROM organisation_replica WHERE active")
                .getResultList();
        return new TreeSet<>(codes);
    }
}
