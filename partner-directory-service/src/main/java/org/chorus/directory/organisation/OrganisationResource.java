package org.chorus.directory.organisation;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.chorus.platform.idempotency.IdempotentRequests;
import org.chorus.platform.web.ETags;
import org.chorus.platform.web.Locations;
import org.chorus.platform.web.caller.Caller;
import org.chorus.platform.web.caller.Scopes;
import org.chorus.platform.web.paging.PageRequest;
import org.chorus.platform.web.paging.Page;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


/**
 * The organisations of the partnership: readable with any secret key, managed by administrators. Request scoped
 * because it holds the caller; a singleton resource would keep the first caller for every request.
 */
@RequestScoped
@Path("/api/v1/organisations")
@Tag(name = "Organisations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrganisationResource {

    private final OrganisationService organisations;
    private final IdempotentRequests idempotency;
    private final Caller caller;

    public OrganisationResource(OrganisationService organisations, IdempotentRequests idempotency, Caller caller) {
        this.organisations = organisations;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Scopes.DIRECTORY_MANAGE)
    @Operation(operationId = "registerOrganisation", summary = "Register an organisation",
            description = "Announces OrganisationRegistered. Safe to retry with the same Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Registered; the ETag names its version",
            content = @Content(schema = @Schema(implementation = Organisation.class)))
    @APIResponse(responseCode = "409", description = "ODS code taken, or Idempotency-Key reused with another body")
    @APIResponse(responseCode = "422", description = "Not valid, e.g. an unknown place or a malformed origin")
    public Response register(
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @Valid @NotNull OrganisationInput body) {
        Organisation organisation = idempotency.execute(caller.organisationId().toString(), idempotencyKey,
                "register-organisation", body, Organisation.class, () -> organisations.register(body)).result();
        return ETags.created(Locations.of(OrganisationResource.class, organisation.id()), organisation,
                Organisation::version);
    }

    @GET
    @RolesAllowed(Scopes.ANY_SECRET_KEY)
    @Operation(operationId = "listOrganisations",
            summary = "List organisations", description = "Cursor-paged, in name order; filter by type and place.")
    @APIResponse(responseCode = "200", description = "A page of organisations")
    public Page<Organisation> list(
            @Parameter(description = "Only organisations of this type") @QueryParam("type") OrganisationType type,
            @Parameter(description = "Only organisations covering this place code", example = "blackpool")
            @QueryParam("place") String place,
            @Parameter(description = "true for active only, false for deactivated only") @QueryParam("active") Boolean active,
            @Valid @BeanParam PageRequest page) {
        var filter = new OrganisationFilter(type, place, active);
        return organisations.list(filter, page.limit(), page.cursor());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Scopes.ANY_SECRET_KEY)
    @Operation(operationId = "getOrganisation", summary = "Get an organisation")
    @APIResponse(responseCode = "200", description = "The organisation; the ETag names its version",
            content = @Content(schema = @Schema(implementation = Organisation.class)))
    @APIResponse(responseCode = "304", description = ETags.NOT_MODIFIED)
    public Response get(@PathParam("id") UUID id) {
        return ETags.ok(organisations.get(id), Organisation::version);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Scopes.DIRECTORY_MANAGE)
    @Operation(operationId = "changeOrganisation",
            summary = "Change an organisation", description = "Replaces its details. Announces OrganisationUpdated.")
    @APIResponse(responseCode = "200", description = "Changed; the new ETag is returned",
            content = @Content(schema = @Schema(implementation = Organisation.class)))
    public Response update(@PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull OrganisationInput body) {
        return ETags.ok(organisations.update(id, ifMatch, body), Organisation::version);
    }

    @POST
    @Path("/{id}/deactivate")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Scopes.DIRECTORY_MANAGE)
    @Operation(operationId = "deactivateOrganisation", summary = "Deactivate an organisation",
            description = "Organisations are never deleted. Deactivation revokes all their keys and announces "
                    + "OrganisationDeactivated.")
    @APIResponse(responseCode = "200", description = "Deactivated",
            content = @Content(schema = @Schema(implementation = Organisation.class)))
    public Response deactivate(@PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ETags.ok(organisations.deactivate(id, ifMatch), Organisation::version);
    }
}
