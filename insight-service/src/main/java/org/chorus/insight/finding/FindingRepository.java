package org.chorus.insight.finding;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/**
 * Finds findings with PostgreSQL full-text search over statements and quotes (a GIN-indexed generated tsvector),
 * newest activity first, paged by (activity start date, id).
 */
@ApplicationScoped
public class FindingRepository implements PanacheRepositoryBase<FindingEntity, UUID> {

    public Optional<FindingEntity> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public List<FindingEntity> findUploaded(UUID activityId) {
        return list("activityId = ?1 and uploadPosition is not null order by uploadPosition", activityId);
    }

    public List<FindingEntity> search(FindingFilter filter, Audience audience, LocalDate afterDate, UUID afterId,
            int limit) {
        StringBuilder sql = new StringBuilder(
                "SELECT f.id FROM finding f JOIN activity a ON a.id = f.activity_id WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (!audience.everything()) {
            sql.append(audience.ownOrganisation() == null ? " AND f.published"
                    : " AND (f.published OR f.organisation_id = :own)");
            if (audience.ownOrganisation() != null) {
                params.put("own", audience.ownOrganisation());
            }
        }
        where(sql, params, filter.text(), " AND f.search_vector @@ websearch_to_tsquery('english', :text)", "text");
        where(sql, params, filter.theme(), " AND f.theme_codes @> ARRAY[CAST(:theme AS varchar)]", "theme");
        where(sql, params, filter.placeCode(), " AND a.place_codes @> ARRAY[CAST(:place AS varchar)]", "place");
        where(sql, params, filter.method() == null ? null : filter.method().name(), " AND a.method = :method", "method");
        where(sql, params, filter.programmeArea() == null ? null : filter.programmeArea().name(),
                " AND a.programme_area = :area", "area");
        where(sql, params, filter.organisationId(), " AND f.organisation_id = :organisation", "organisation");
        where(sql, params, filter.sentiment() == null ? null : filter.sentiment().name(),
                " AND f.sentiment = :sentiment", "sentiment");
        where(sql, params, filter.from(), " AND a.end_date >= :from", "from");
        where(sql, params, filter.to(), " AND a.start_date <= :to", "to");
        if (afterId != null) {
            sql.append(" AND (a.start_date, f.id) < (:afterDate, :afterId)");
            params.put("afterDate", afterDate);
            params.put("afterId", afterId);
        }
        sql.append(" ORDER BY a.start_date DESC, f.id DESC LIMIT ").append(limit);
        Query query = getEntityManager().createNativeQuery(sql.toString(), UUID.class);
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<UUID> ids = query.getResultList();
        return inOrder(ids);
    }

    private List<FindingEntity> inOrder(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, FindingEntity> byId = list("id in ?1", ids).stream()
                .collect(Collectors.toMap(f -> f.id, Function.identity()));
        return ids.stream().map(byId::get).toList();
    }

    private static void where(StringBuilder sql, Map<String, Object> params, Object value, String clause, String name) {
        if (value != null && !(value instanceof String text && text.isBlank())) {
            sql.append(clause);
            params.put(name, value);
        }
    }
}
