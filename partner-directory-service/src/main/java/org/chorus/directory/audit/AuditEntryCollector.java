package org.chorus.directory.audit;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.platform.events.ChorusEvent;
import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.events.EventType;
import org.chorus.platform.events.contract.AuditEntryData;
import org.chorus.platform.inbox.EventHandler;

/** Collects every service's audit entries into the one audit log administrators read. */
@ApplicationScoped
public class AuditEntryCollector implements EventHandler<AuditEntryData> {

    private final AuditLogRepository auditLog;

    public AuditEntryCollector(AuditLogRepository auditLog) {
        this.auditLog = auditLog;
    }

    @Override
    public Set<EventType<AuditEntryData>> types() {
        return Set.of(ChorusEventTypes.AUDIT_ENTRY_RECORDED);
    }

    @Override
    public void receive(AuditEntryData entry, ChorusEvent event) {
        if (entry.entryId() == null || entry.action() == null || entry.subjectType() == null
                || entry.occurredAt() == null) {
            throw new IllegalArgumentException("audit entry lacks its id, action, subject type or time");
        }
        auditLog.append(entry, event.source());
    }
}
