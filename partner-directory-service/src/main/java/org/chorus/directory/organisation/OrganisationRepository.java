package org.chorus.directory.organisation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.platform.entity.LockingRepository;
import org.chorus.platform.query.Where;

/** Queries over organisations, paged by (lower-case name, id) so pages stay stable while rows are added. */
@ApplicationScoped
public class OrganisationRepository implements LockingRepository<OrganisationEntity> {

    public Optional<OrganisationEntity> findByOdsCode(String odsCode) {
        return find("odsCode", odsCode).firstResultOptional();
    }

    public Optional<OrganisationEntity> findByName(String name) {
        return find("name", name).firstResultOptional();
    }

    public List<OrganisationEntity> search(OrganisationFilter filter, String afterName, UUID afterId, int limit) {
        Where where = new Where("1 = 1")
                .and("type = :type", "type", filter.type())
                .and("array_contains(placeCodes, :place)", "place", filter.placeCode())
                .and("active = :active", "active", filter.active());
        if (afterId != null) {
            where.and("(lower(name) > :afterName or (lower(name) = :afterName and id > :afterId))",
                    Map.of("afterName", afterName, "afterId", afterId));
        }
        return find(where.clause() + " order by lower(name), id", where.parameters()).page(0, limit).list();
    }
}
