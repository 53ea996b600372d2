package org.chorus.insight.activity;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Queries over activities, paged by (start date, id) so pages stay stable while activities are added. */
@ApplicationScoped
public class ActivityRepository implements PanacheRepositoryBase<ActivityEntity, UUID> {

    public Optional<ActivityEntity> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Optional<ActivityEntity> findByReference(UUID organisationId, String reference) {
        return find("organisationId = ?1 and reference = ?2", organisationId, reference).firstResultOptional();
    }

    public List<ActivityEntity> search(ActivityFilter filter, LocalDate afterDate, UUID afterId, int limit) {
        StringBuilder where = new StringBuilder("1 = 1");
        var params = new HashMap<String, Object>();
        if (filter.organisationId() != null) {
            where.append(" and organisationId = :organisation");
            params.put("organisation", filter.organisationId());
        }
        if (filter.placeCode() != null) {
            where.append(" and array_contains(placeCodes, :place)");
            params.put("place", filter.placeCode());
        }
        if (filter.method() != null) {
            where.append(" and method = :method");
            params.put("method", filter.method());
        }
        if (filter.programmeArea() != null) {
            where.append(" and programmeArea = :area");
            params.put("area", filter.programmeArea());
        }
        if (filter.from() != null) {
            where.append(" and endDate >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.append(" and startDate <= :to");
            params.put("to", filter.to());
        }
        if (afterId != null) {
            where.append(" and (startDate > :afterDate or (startDate = :afterDate and id > :afterId))");
            params.put("afterDate", afterDate);
            params.put("afterId", afterId);
        }
        return find(where + " order by startDate, id", params).page(0, limit).list();
    }
}
