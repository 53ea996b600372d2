package org.chorus.insight.activity;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.platform.entity.LockingRepository;
import org.chorus.platform.query.Where;

/** Queries over activities, paged by (start date, id) so pages stay stable while activities are added. */
@ApplicationScoped
public class ActivityRepository implements LockingRepository<ActivityEntity> {

    public Optional<ActivityEntity> findByReference(UUID organisationId, String reference) {
        return find("organisationId = ?1 and reference = ?2", organisationId, reference).firstResultOptional();
    }

    /** The organisation's activities with these references (a chunk of an upload's), by reference. */
    public Map<String, ActivityEntity> findByReferences(UUID organisationId, Collection<String> references) {
        if (references.isEmpty()) {
            return Map.of();
        }
        return list("organisationId = ?1 and reference in ?2", organisationId, references).stream()
                .collect(Collectors.toMap(activity -> activity.reference, activity -> activity));
    }

    public List<ActivityEntity> search(ActivityFilter filter, LocalDate afterDate, UUID afterId, int limit) {
        Where where = new Where("1 = 1")
                .and("organisationId = :organisation", "organisation", filter.organisationId())
                .and("array_contains(placeCodes, :place)", "place", filter.placeCode())
                .and("method = :method", "method", filter.method())
                .and("programmeArea = :area", "area", filter.programmeArea())
                .and("endDate >= :from", "from", filter.from())
                .and("startDate <= :to", "to", filter.to());
        if (afterId != null) {
            where.and("(startDate > :afterDate or (startDate = :afterDate and id > :afterId))",
                    Map.of("afterDate", afterDate, "afterId", afterId));
        }
        return find(where.clause() + " order by startDate, id", where.parameters()).page(0, limit).list();
    }
}
