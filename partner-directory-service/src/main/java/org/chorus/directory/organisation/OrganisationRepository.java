package org.chorus.directory.organisation;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Queries over organisations, paged by (lower-case name, id) so pages stay stable while rows are added. */
@ApplicationScoped
public class OrganisationRepository implements PanacheRepositoryBase<OrganisationEntity, UUID> {

    public Optional<OrganisationEntity> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Optional<OrganisationEntity> findByOdsCode(String odsCode) {
        return find("odsCode", odsCode).firstResultOptional();
    }

    public Optional<OrganisationEntity> findByName(String name) {
        return find("name", name).firstResultOptional();
    }

    public List<OrganisationEntity> search(OrganisationFilter filter, String afterName, UUID afterId, int limit) {
        StringBuilder where = new StringBuilder("1 = 1");
        var params = new java.util.HashMap<String, Object>();
        if (filter.type() != null) {
            where.append(" and type = :type");
            params.put("type", filter.type());
        }
        if (filter.placeCode() != null) {
            where.append(" and array_contains(placeCodes, :place)");
            params.put("place", filter.placeCode());
        }
        if (filter.active() != null) {
            where.append(" and active = :active");
            params.put("active", filter.active());
        }
        if (afterId != null) {
            where.append(" and (lower(name) > :afterName or (lower(name) = :afterName and id > :afterId))");
            params.put("afterName", afterName);
            params.put("afterId", afterId);
        }
        return find(where + " order by lower(name), id", params).page(0, limit).list();
    }
}
