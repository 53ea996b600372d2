package org.chorus.directory.audit;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.platform.events.ChorusEvent;
import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.events.contract.AuditEntryData;
import org.chorus.platform.inbox.EventHandler;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Collects every service's audit entries into the one audit log administrators read. */
@ApplicationScoped
public class AuditEntryCollector implements EventHandler {

    private final AuditLogRepository auditLog;
    private final ObjectMapper objectMapper;

    public AuditEntryCollector(AuditLogRepository auditLog, ObjectMapper objectMapper) {
        this.auditLog = auditLog;
        this.objectMapper = objectMapper;
    }

    @Override
    public Set<String> topics() {
        return Set.of(ChorusEventTypes.AUDIT_ENTRIES);
    }

    @Override
    public void handle(ChorusEvent event) {
        if (!ChorusEventTypes.AUDIT_ENTRY_RECORDED.type().equals(event.type())) {
            throw new IllegalArgumentException("unknown event type " + event.type());
        }
        AuditEntryData entry = event.dataAs(objectMapper, AuditEntryData.class);
        if (entry.entryId() == null || entry.action() == null || entry.subjectType() == null
                || entry.occurredAt() == null) {
            throw new IllegalArgumentException("audit entry lacks its id, action, subject type or time");
        }
        auditLog.append(entry, event.source());
    }
}
