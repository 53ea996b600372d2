package org.chorus.insight.action;

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
import org.chorus.platform.web.openapi.OwnershipRule;
import org.chorus.platform.web.paging.PageRequest;
import org.chorus.platform.web.paging.Page;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * "You said, we did": decisions taken in answer to findings, shown on partner websites once published. Request
 * scoped because it holds the request's caller.
 */
@Path("/api/v1/actions")
@RequestScoped
@Tag(name = "You said, we did")
@Extension(name = OwnershipRule.EXTENSION, value = "action")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ActionResource {

    private final ActionService actions;
    private final IdempotentRequests idempotency;
    private final Caller caller;

    public ActionResource(ActionService actions, IdempotentRequests idempotency, Caller caller) {
        this.actions = actions;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Scopes.INSIGHTS_WRITE)
    @Operation(operationId = "recordAction", summary = "Record what was decided in answer to findings",
            description = "Recorded unpublished, by the calling organisation. Safe to retry with the same Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Recorded; the ETag names its version",
            content = @Content(schema = @Schema(implementation = Action.class)))
    @APIResponse(responseCode = "422", description = "Not valid: e.g. an unknown finding, or not taken forward "
            + "without a reason")
    public Response create(
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @Valid @NotNull ActionInput body) {
        Action action = idempotency.execute(caller.organisationId().toString(), idempotencyKey, "create-action", body,
                Action.class, () -> actions.create(caller, body)).result();
        return ETags.created(Locations.of(ActionResource.class, action.id()), action, Action::version);
    }

    @GET
    @RolesAllowed({ Scopes.INSIGHTS_READ, Scopes.INSIGHTS_WRITE, Scopes.PUBLIC })
    @Operation(operationId = "listActions",
            summary = "List actions", description = "Newest decision first, cursor-paged. A publishable key sees "
            + "published actions only, and of their findings only the published ones.")
    @APIResponse(responseCode = "200", description = "A page of actions" + ETags.PAGE_KEPT)
    @APIResponse(responseCode = "304", description = ETags.NOT_MODIFIED)
    public RestResponse<Page<Action>> list(
            @Parameter(description = "Only actions answering this finding") @QueryParam("finding") UUID finding,
            @Parameter(description = "Only actions of this organisation") @QueryParam("organisation") UUID organisation,
            @Parameter(description = "Only actions with this status") @QueryParam("status") ActionStatus status,
            @Valid @BeanParam PageRequest page) {
        return ETags.pageToKeep(actions.list(caller, finding, organisation, status, page.limit(), page.cursor()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Scopes.INSIGHTS_READ, Scopes.INSIGHTS_WRITE, Scopes.PUBLIC })
    @Operation(operationId = "getAction", summary = "Get an action")
    @APIResponse(responseCode = "200", description = "The action; the ETag names its version",
            content = @Content(schema = @Schema(implementation = Action.class)))
    @APIResponse(responseCode = "404", description = "No such action, or not published and not yours to see")
    @APIResponse(responseCode = "304", description = ETags.NOT_MODIFIED)
    public Response get(@PathParam("id") UUID id) {
        return ETags.ok(actions.get(caller, id), Action::version);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Scopes.INSIGHTS_WRITE)
    @Operation(operationId = "updateAction",
            summary = "Update an action", description = "E.g. move it to DONE. A status change of a published "
            + "action announces ActionStatusChanged.")
    @APIResponse(responseCode = "200", description = "Changed; the new ETag is returned",
            content = @Content(schema = @Schema(implementation = Action.class)))
    public Response update(@PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ActionInput body) {
        return ETags.ok(actions.update(caller, id, ifMatch, body), Action::version);
    }

    @POST
    @Path("/{id}/publish")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Scopes.INSIGHTS_WRITE)
    @Operation(operationId = "publishAction",
            summary = "Publish an action", description = "Makes it visible to partner websites and announces "
            + "ActionPublished. Publishing a published action changes nothing.")
    @APIResponse(responseCode = "200", description = "Published",
            content = @Content(schema = @Schema(implementation = Action.class)))
    public Response publish(@PathParam("id") UUID id) {
        return ETags.ok(actions.publish(caller, id), Action::version);
    }
}
