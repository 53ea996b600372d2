package org.chorus.survey.export;


import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.chorus.platform.web.caller.Scopes;
import org.chorus.platform.web.paging.Cursor;
import org.chorus.platform.web.paging.Page;
import org.chorus.platform.web.paging.PageRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit log of response exports, for administrators. */
@Path("/api/v1/exports/audit")
@Tag(name = "Exports")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final AuditStore audit;

    public AuditResource(AuditStore audit) {
        this.audit = audit;
    }

    @GET
    @RolesAllowed(Scopes.DIRECTORY_MANAGE)
    @Operation(operationId = "listExports",
            summary = "List response exports", description = "Newest first: key, organisation, filters, row count.")
    @APIResponse(responseCode = "200", description = "A page of audit entries")
    public Page<AuditEntry> list(@Valid @BeanParam PageRequest page) {
        Cursor before = Cursor.decode(page.cursor());
        var fetched = audit.list(Cursor.instantOf(before),
                before == null ? null : before.id(), page.limit() + 1);
        return Page.of(fetched, page.limit(), e -> new Cursor(e.startedAt().toString(), e.id()).encode());
    }
}
