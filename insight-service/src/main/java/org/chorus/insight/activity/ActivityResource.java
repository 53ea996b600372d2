package org.chorus.insight.activity;

import java.time.LocalDate;
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

/**
 * Engagement activities: recorded and corrected by the organisation that ran them, read by analysts. Request scoped
 * because it holds the {@link Caller} of the request; a singleton would keep the first caller for every request.
 */
@Path("/api/v1/activities")
@RequestScoped
@Tag(name = "Activities")
@Extension(name = OwnershipRule.EXTENSION, value = "activity")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ActivityResource {

    private final ActivityService activities;
    private final IdempotentRequests idempotency;
    private final Caller caller;

    public ActivityResource(ActivityService activities, IdempotentRequests idempotency, Caller caller) {
        this.activities = activities;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Scopes.INSIGHTS_WRITE)
    @Operation(operationId = "recordActivity", summary = "Record an engagement activity",
            description = "The activity belongs to the calling organisation, which must be active in the directory. "
                    + "Safe to retry with the same Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Recorded; the ETag names its version",
            content = @Content(schema = @Schema(implementation = Activity.class)))
    @APIResponse(responseCode = "422", description = "Not valid: e.g. end before start, an unknown place, a reference "
            + "already used, or the calling organisation is not active")
    public Response create(
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @Valid @NotNull ActivityInput body) {
        Activity activity = idempotency.execute(caller.organisationId().toString(), idempotencyKey, "create-activity",
                body, Activity.class, () -> activities.create(caller, body)).result();
        return ETags.created(Locations.of(ActivityResource.class, activity.id()), activity, Activity::version);
    }

    @GET
    @RolesAllowed({ Scopes.INSIGHTS_READ, Scopes.INSIGHTS_WRITE })
    @Operation(operationId = "listActivities", summary = "List engagement activities",
            description = "Cursor-paged by start date. With insights:read every organisation's activities; with only "
                    + "insights:write the calling organisation's own.")
    @APIResponse(responseCode = "200", description = "A page of activities")
    public Page<Activity> list(
            @Parameter(description = "Only activities run by this organisation") @QueryParam("organisation") UUID organisation,
            @Parameter(description = "Only activities in this place", example = "blackpool") @QueryParam("place") String place,
            @Parameter(description = "Only activities of this method") @QueryParam("method") EngagementMethod method,
            @Parameter(description = "Only activities of this programme area") @QueryParam("programmeArea") ProgrammeArea area,
            @Parameter(description = "Only activities ending on or after this date", example = "2019-01-01")
            @QueryParam("from") LocalDate from,
            @Parameter(description = "Only activities starting on or before this date", example = "2019-12-31")
            @QueryParam("to") LocalDate to,
            @Valid @BeanParam PageRequest page) {
        var filter = new ActivityFilter(organisation, place, method, area, from, to);
        return activities.list(caller, filter, page.limit(), page.cursor());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Scopes.INSIGHTS_READ, Scopes.INSIGHTS_WRITE })
    @Operation(operationId = "getActivity", summary = "Get an engagement activity")
    @APIResponse(responseCode = "200", description = "The activity; the ETag names its version",
            content = @Content(schema = @Schema(implementation = Activity.class)))
    @APIResponse(responseCode = "404", description = "No such activity, or another organisation's and the key "
            + "cannot read insights")
    @APIResponse(responseCode = "304", description = ETags.NOT_MODIFIED)
    public Response get(@PathParam("id") UUID id) {
        return ETags.ok(activities.get(caller, id), Activity::version);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Scopes.INSIGHTS_WRITE)
    @Operation(operationId = "correctActivity",
            summary = "Correct an engagement activity", description = "Replaces its details. Only the organisation "
            + "that recorded it may change it.")
    @APIResponse(responseCode = "200", description = "Changed; the new ETag is returned",
            content = @Content(schema = @Schema(implementation = Activity.class)))
    public Response update(@PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ActivityInput body) {
        return ETags.ok(activities.update(caller, id, ifMatch, body), Activity::version);
    }
}
