package org.chorus.insight.action;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;

import org.chorus.insight.finding.Audience;
import org.chorus.platform.entity.LockingRepository;
import org.chorus.platform.query.InOrder;
import org.chorus.platform.query.Where;

/** Queries over actions, newest decision first, paged by (decided on, id). */
@ApplicationScoped
public class ActionRepository implements LockingRepository<ActionEntity> {

    /** Whether any action answers this finding, which must then not disappear from under it. */
    public boolean answers(UUID findingId) {
        return !getEntityManager().createNativeQuery(
                "SELECT 1 FROM action WHERE finding_ids @> ARRAY[CAST(:finding AS uuid)] LIMIT 1")
                .setParameter("finding", findingId).getResultList().isEmpty();
    }

    public List<ActionEntity> search(UUID findingId, UUID organisationId, ActionStatus status, Audience audience,
            LocalDate afterDate, UUID afterId, int limit) {
        Where where = audience.limit(new Where("1 = 1"), "action")
                .and("action.finding_ids @> ARRAY[CAST(:finding AS uuid)]", "finding", findingId)
                .and("action.organisation_id = :organisation", "organisation", organisationId)
                .and("action.status = :status", "status", status == null ? null : status.name());
        if (afterId != null) {
            where.and("(action.decided_on, action.id) < (:afterDate, :afterId)",
                    Map.of("afterDate", afterDate, "afterId", afterId));
        }
        Query query = getEntityManager().createNativeQuery("SELECT action.id FROM action WHERE " + where.clause()
                + " ORDER BY action.decided_on DESC, action.id DESC LIMIT " + limit, UUID.class);
        where.parameters().forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<UUID> ids = query.getResultList();
        return InOrder.of(ids, page -> list("id in ?1", page), a -> a.id);
    }
}
