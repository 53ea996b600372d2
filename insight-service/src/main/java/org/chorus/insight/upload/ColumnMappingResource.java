package org.chorus.insight.upload;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.chorus.platform.web.ETags;
import org.chorus.platform.web.caller.Caller;
import org.chorus.platform.web.caller.Scopes;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The calling organisation's names for the upload template's columns, saved once so that a monthly export of the
 * same spreadsheet uploads without editing. Request scoped because it holds the request's caller.
 */
@Path("/api/v1/uploads/column-mapping")
@RequestScoped
@Tag(name = "Uploads")
public class ColumnMappingResource {

    private final ColumnMappingService mappings;
    private final Caller caller;

    public ColumnMappingResource(ColumnMappingService mappings, Caller caller) {
        this.mappings = mappings;
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.INSIGHTS_WRITE)
    @Operation(operationId = "getColumnMapping",
            summary = "Get the organisation's column mapping", description = "Empty until one is saved.")
    @APIResponse(responseCode = "200", description = "The mapping; the ETag names its version",
            content = @Content(schema = @Schema(implementation = ColumnMapping.class)))
    @APIResponse(responseCode = "304", description = ETags.NOT_MODIFIED)
    public Response get() {
        return ETags.ok(mappings.get(caller), ColumnMapping::version);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.INSIGHTS_WRITE)
    @Operation(operationId = "saveColumnMapping",
            summary = "Save the organisation's column mapping", description = "Replaces it. Each of their columns "
            + "names a template column, written as people do (\"Start date\" for start_date); later CSV and XLSX "
            + "uploads of the organisation read their columns by it.")
    @APIResponse(responseCode = "200", description = "Saved",
            content = @Content(schema = @Schema(implementation = ColumnMapping.class)))
    @APIResponse(responseCode = "422", description = "A target that is no template column (with the nearest ones), "
            + "or two of their columns mapped to one template column")
    public Response save(@Valid @NotNull ColumnMapping mapping) {
        return ETags.ok(mappings.save(caller, mapping), ColumnMapping::version);
    }
}
