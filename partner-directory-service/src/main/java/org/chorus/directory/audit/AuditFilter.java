package org.chorus.directory.audit;

import java.time.Instant;
import java.util.UUID;

import org.chorus.platform.web.input.QueryRanges;

/** Narrows the audit log; a null field does not filter. {@code until} is exclusive. */
public record AuditFilter(String action, UUID organisationId, Instant since, Instant until) {

    public AuditFilter {
        QueryRanges.after("until", until, "since", since);
    }
}
