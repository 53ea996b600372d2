package org.chorus.directory.audit;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.chorus.platform.web.paging.Cursor;
import org.chorus.platform.web.paging.Page;

/** Reads the audit log, newest first. There is deliberately nothing here that changes it. */
@ApplicationScoped
public class AuditLogService {

    private final AuditLogRepository auditLog;

    public AuditLogService(AuditLogRepository auditLog) {
        this.auditLog = auditLog;
    }

    @Transactional
    public Page<AuditEntry> list(AuditFilter filter, int limit, String cursor) {
        Cursor before = Cursor.decode(cursor);
        List<AuditEntry> fetched = auditLog.search(filter, Cursor.instantOf(before),
                Cursor.idOf(before), limit + 1);
        return Page.of(fetched, limit, e -> new Cursor(e.occurredAt().toString(), e.id()).encode());
    }
}
