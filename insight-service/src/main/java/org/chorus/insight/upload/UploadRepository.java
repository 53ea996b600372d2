package org.chorus.insight.upload;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.platform.query.Where;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Upload jobs; claiming skips jobs another replica's worker has locked, so a job is processed by one worker. */
@ApplicationScoped
public class UploadRepository implements PanacheRepositoryBase<UploadEntity, UUID> {

    /** A job waiting for a worker, or one whose worker has shown no sign of life since {@code stalledBefore}. */
    public Optional<UploadEntity> claim(Instant stalledBefore) {
        @SuppressWarnings("unchecked")
        var ids = (List<UUID>) getEntityManager().createNativeQuery("""
                SELECT id FROM upload
                WHERE status = 'PENDING' OR status = 'PROCESSING' AND content IS NOT NULL AND heartbeat_at < :stalled
                ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED""", UUID.class)
                .setParameter("stalled", stalledBefore).getResultList();
        return ids.stream().findFirst().map(this::findById);
    }

    /**
     * Records how far a job got, without loading the job: its row holds the whole file, which reading and comparing
     * for every chunk made a large file's job slower the larger it was.
     */
    public void progress(UUID id, int processedRows, Instant now) {
        update("processedRows = ?1, heartbeatAt = ?2 where id = ?3", processedRows, now, id);
    }

    /** Shows that a job's worker is alive; a job already done is left as it is. */
    public void touch(UUID id, Instant now) {
        update("heartbeatAt = ?1 where id = ?2 and status = ?3", now, id, UploadStatus.PROCESSING);
    }

    /**
     * Uploads newest first, paged by (created at, id) so that a page does not shift as uploads arrive; neither the
     * files nor the reports are read.
     */
    public List<UploadEntity> newestFirst(UUID organisationId, UploadStatus status, Instant beforeTime, UUID beforeId,
            int limit) {
        Where where = new Where("1 = 1")
                .and("organisationId = :organisation", "organisation", organisationId)
                .and("status = :status", "status", status);
        if (beforeId != null) {
            where.and("(createdAt < :beforeTime or (createdAt = :beforeTime and id < :beforeId))",
                    Map.of("beforeTime", beforeTime, "beforeId", beforeId));
        }
        return find(where.clause() + " order by createdAt desc, id desc", where.parameters()).page(0, limit).list();
    }
}
