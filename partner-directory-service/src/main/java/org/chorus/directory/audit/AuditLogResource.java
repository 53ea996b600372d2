package org.chorus.directory.audit;

import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.chorus.platform.web.caller.Scopes;
import org.chorus.platform.web.paging.Page;
import org.chorus.platform.web.paging.PageRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit log of security-relevant actions across Chorus: readable by administrators, changeable by no one. */
@Path("/api/v1/audit-log")
@Tag(name = "Audit log")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Scopes.DIRECTORY_MANAGE)
public class AuditLogResource {

    private final AuditLogService auditLog;

    public AuditLogResource(AuditLogService auditLog) {
        this.auditLog = auditLog;
    }

    @GET
    @Operation(operationId = "readAuditLog", summary = "Read the audit log",
            description = "Keys issued, rotated and revoked; organisation changes; exports; bulk uploads; erasures. "
                    + "Newest first, cursor-paged. Entries arrive by event, usually within a second of the action.")
    @APIResponse(responseCode = "200", description = "A page of entries, newest first")
    public Page<AuditEntry> list(
            @Parameter(description = "Only this action", example = "api-key.revoked") @QueryParam("action") String action,
            @Parameter(description = "Only actions by this organisation") @QueryParam("organisationId") UUID organisationId,
            @Parameter(description = "From this time (inclusive), ISO-8601", example = "2026-11-01T00:00:00Z")
            @QueryParam("since") Instant since,
            @Parameter(description = "Before this time (exclusive), ISO-8601") @QueryParam("until") Instant until,
            @Valid @BeanParam PageRequest page) {
        return auditLog.list(new AuditFilter(action, organisationId, since, until), page.limit(), page.cursor());
    }
}
