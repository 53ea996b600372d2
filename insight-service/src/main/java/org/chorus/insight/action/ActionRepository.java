package org.chorus.insight.action;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;

import org.chorus.insight.finding.Audience;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Queries over actions, newest decision first, paged by (decided on, id). */
@ApplicationScoped
public class ActionRepository implements PanacheRepositoryBase<ActionEntity, UUID> {

    public Optional<ActionEntity> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Whether any action answers this finding, which must then not disappear from under it. */
    public boolean answers(UUID findingId) {
        return !getEntityManager().createNativeQuery(
                "SELECT 1 FROM action WHERE finding_ids @> ARRAY[CAST(:finding AS uuid)] LIMIT 1")
                .setParameter("finding", findingId).getResultList().isEmpty();
    }

    public List<ActionEntity> search(UUID findingId, UUID organisationId, ActionStatus status, Audience audience,
            LocalDate afterDate, UUID afterId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT id FROM action WHERE 1 = 1");
        Map<String, Object> params = new java.util.HashMap<>();
        if (!audience.everything()) {
            sql.append(audience.ownOrganisation() == null ? " AND published" : " AND (published OR organisation_id = :own)");
            if (audience.ownOrganisation() != null) {
                params.put("own", audience.ownOrganisation());
            }
        }
        if (findingId != null) {
            sql.append(" AND finding_ids @> ARRAY[CAST(:finding AS uuid)]");
            params.put("finding", findingId);
        }
        if (organisationId != null) {
            sql.append(" AND organisation_id = :organisation");
            params.put("organisation", organisationId);
        }
        if (status != null) {
            sql.append(" AND status = :status");
            params.put("status", status.name());
        }
        if (afterId != null) {
            sql.append(" AND (decided_on, id) < (:afterDate, :afterId)");
            params.put("afterDate", afterDate);
            params.put("afterId", afterId);
        }
        sql.append(" ORDER BY decided_on DESC, id DESC LIMIT ").append(limit);
        Query query = getEntityManager().createNativeQuery(sql.toString(), UUID.class);
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<UUID> ids = query.getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, ActionEntity> byId = list("id in ?1", ids).stream()
                .collect(java.util.stream.Collectors.toMap(a -> a.id, a -> a));
        return ids.stream().map(byId::get).toList();
    }
}
