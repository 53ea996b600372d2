package org.chorus.directory.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.chorus.platform.events.contract.AuditEntryData;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Appends to and reads the audit log with plain SQL: the table is append-only (a trigger refuses updates), which an
 * ORM-managed entity would invite code to forget.
 */
@ApplicationScoped
public class AuditLogRepository {

    private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() {
    };

    private final EntityManager entityManager;
    private final ObjectMapper objectMapper;

    public AuditLogRepository(EntityManager entityManager, ObjectMapper objectMapper) {
        this.entityManager = entityManager;
        this.objectMapper = objectMapper;
    }

    /** Inserts the entry once; a second delivery of the same entry adds nothing. */
    public void append(AuditEntryData entry, String source) {
        entityManager.createNativeQuery("""
                INSERT INTO audit_entry (id, action, organisation_id, key_id, subject_type, subject_id,
                    client_address, request_id, source, occurred_at, details)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, CAST(?11 AS jsonb))
                ON CONFLICT (id) DO NOTHING""")
                .setParameter(1, entry.entryId())
                .setParameter(2, entry.action())
                .setParameter(3, entry.organisationId())
                .setParameter(4, entry.keyId())
                .setParameter(5, entry.subjectType())
                .setParameter(6, entry.subjectId())
                .setParameter(7, entry.clientAddress())
                .setParameter(8, entry.requestId())
                .setParameter(9, source)
                .setParameter(10, Timestamp.from(entry.occurredAt()))
                .setParameter(11, json(entry.details()))
                .executeUpdate();
    }

    /** Newest first, after the (time, id) position of a cursor when given. */
    @SuppressWarnings("unchecked")
    public List<AuditEntry> search(AuditFilter filter, Instant beforeTime, UUID beforeId, int limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT id, action, organisation_id, key_id, subject_type, subject_id, client_address, request_id,
                       source, occurred_at, details::text
                FROM audit_entry WHERE true""");
        List<Object> params = new ArrayList<>();
        if (filter.action() != null) {
            params.add(filter.action());
            sql.append(" AND action = ?").append(params.size());
        }
        if (filter.organisationId() != null) {
            params.add(filter.organisationId());
            sql.append(" AND organisation_id = ?").append(params.size());
        }
        if (filter.since() != null) {
            params.add(Timestamp.from(filter.since()));
            sql.append(" AND occurred_at >= ?").append(params.size());
        }
        if (filter.until() != null) {
            params.add(Timestamp.from(filter.until()));
            sql.append(" AND occurred_at < ?").append(params.size());
        }
        if (beforeId != null) {
            params.add(Timestamp.from(beforeTime));
            params.add(beforeId);
            sql.append(" AND (occurred_at, id) < (?").append(params.size() - 1).append(", ?").append(params.size())
                    .append(")");
        }
        sql.append(" ORDER BY occurred_at DESC, id DESC LIMIT ").append(limit);
        var query = entityManager.createNativeQuery(sql.toString());
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        return ((List<Object[]>) query.getResultList()).stream().map(this::toEntry).toList();
    }

    private AuditEntry toEntry(Object[] row) {
        return new AuditEntry((UUID) row[0], (String) row[1], (UUID) row[2], (UUID) row[3], (String) row[4],
                (String) row[5], (String) row[6], (String) row[7], (String) row[8], toInstant(row[9]),
                details((String) row[10]));
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }

    private String json(Map<String, String> details) {
        try {
            return objectMapper.writeValueAsString(details == null ? Map.of() : details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details are not serialisable", e);
        }
    }

    private Map<String, String> details(String json) {
        try {
            return objectMapper.readValue(json, DETAILS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit details unreadable", e);
        }
    }
}
