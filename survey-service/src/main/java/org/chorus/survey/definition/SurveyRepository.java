package org.chorus.survey.definition;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.platform.entity.LockingRepository;

/** Queries over surveys, paged by (created time, id) so pages stay stable while surveys are added. */
@ApplicationScoped
public class SurveyRepository implements LockingRepository<SurveyEntity> {

    /** Surveys of one organisation, in any state or in one. */
    public List<SurveyEntity> ofOrganisation(UUID organisationId, SurveyStatus status, Instant afterTime, UUID afterId,
            int limit) {
        Map<String, Object> params = new HashMap<>(Map.of("organisation", organisationId));
        String where = "organisationId = :organisation";
        if (status != null) {
            where += " and status = :status";
            params.put("status", status);
        }
        return page(where, params, afterTime, afterId, limit);
    }

    /** Surveys respondents can answer right now, whoever owns them. */
    public List<SurveyEntity> answerable(Instant now, Instant afterTime, UUID afterId, int limit) {
        Map<String, Object> params = new HashMap<>(Map.of("status", SurveyStatus.OPEN, "now", now));
        String where = "status = :status and (opensAt is null or opensAt <= :now) and (closesAt is null or closesAt > :now)";
        return page(where, params, afterTime, afterId, limit);
    }

    /** The open surveys of one organisation, those not yet at their opening time included, locked for closing. */
    public List<SurveyEntity> openOf(UUID organisationId) {
        return getEntityManager().createNativeQuery("""
                SELECT * FROM survey WHERE organisation_id = :organisation AND status = 'OPEN'
                ORDER BY id FOR UPDATE""", SurveyEntity.class)
                .setParameter("organisation", organisationId).getResultList();
    }

    /** Open surveys whose closing time has passed, locked so that only one replica closes each. */
    public List<SurveyEntity> dueToClose(Instant now, int limit) {
        return getEntityManager().createNativeQuery("""
                SELECT * FROM survey WHERE status = 'OPEN' AND closes_at <= :now
                ORDER BY closes_at LIMIT :limit FOR UPDATE SKIP LOCKED""", SurveyEntity.class)
                .setParameter("now", now).setParameter("limit", limit).getResultList();
    }

    private List<SurveyEntity> page(String where, Map<String, Object> params, Instant afterTime, UUID afterId,
            int limit) {
        if (afterId != null) {
            where += " and (createdAt > :afterTime or (createdAt = :afterTime and id > :afterId))";
            params.put("afterTime", afterTime);
            params.put("afterId", afterId);
        }
        return find(where + " order by createdAt, id", params).page(0, limit).list();
    }
}
