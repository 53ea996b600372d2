package org.chorus.insight.finding;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;

import org.chorus.platform.entity.LockingRepository;
import org.chorus.platform.query.InOrder;
import org.chorus.platform.query.Where;

/**
 * Finds findings with PostgreSQL full-text search over statements and quotes (a GIN-indexed generated tsvector),
 * newest activity first, paged by (activity start date, id).
 */
@ApplicationScoped
public class FindingRepository implements LockingRepository<FindingEntity> {

    /** The activity of the finding, read without loading the finding, which the caller is about to lock. */
    public Optional<UUID> activityOf(UUID findingId) {
        return getEntityManager().createQuery("select activityId from FindingEntity where id = :id", UUID.class)
                .setParameter("id", findingId).getResultStream().findFirst();
    }

    /**
     * Each activity's findings, by activity id: those that came from an upload in the order of its file, then those
     * added through the API.
     */
    public Map<UUID, List<FindingEntity>> findOfActivities(Collection<UUID> activityIds) {
        if (activityIds.isEmpty()) {
            return Map.of();
        }
        return list("activityId in ?1 order by uploadPosition nulls last, id", activityIds).stream()
                .collect(Collectors.groupingBy(f -> f.activityId, Collectors.toList()));
    }

    public List<FindingEntity> search(FindingFilter filter, Audience audience, LocalDate afterDate, UUID afterId,
            int limit) {
        Where where = audience.limit(new Where("1 = 1"), "f")
                .andText("f.search_vector @@ websearch_to_tsquery('english', :text)", "text", filter.text())
                .andText("f.theme_codes @> ARRAY[CAST(:theme AS varchar)]", "theme", filter.theme())
                .andText("a.place_codes @> ARRAY[CAST(:place AS varchar)]", "place", filter.placeCode())
                .and("a.method = :method", "method", nameOf(filter.method()))
                .and("a.programme_area = :area", "area", nameOf(filter.programmeArea()))
                .and("f.organisation_id = :organisation", "organisation", filter.organisationId())
                .and("f.sentiment = :sentiment", "sentiment", nameOf(filter.sentiment()))
                .and("a.end_date >= :from", "from", filter.from())
                .and("a.start_date <= :to", "to", filter.to());
        if (afterId != null) {
            where.and("(a.start_date, f.id) < (:afterDate, :afterId)", Map.of("afterDate", afterDate, "afterId", afterId));
        }
        Query query = getEntityManager().createNativeQuery("SELECT f.id FROM finding f JOIN activity a ON a.id = f.activity_id WHERE "
                + where.clause() + " ORDER BY a.start_date DESC, f.id DESC LIMIT " + limit, UUID.class);
        where.parameters().forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<UUID> ids = query.getResultList();
        return InOrder.of(ids, page -> list("id in ?1", page), f -> f.id);
    }

    private static String nameOf(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
