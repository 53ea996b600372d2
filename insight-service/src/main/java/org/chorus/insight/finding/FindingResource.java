package org.chorus.insight.finding;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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

import org.chorus.insight.activity.EngagementMethod;
import org.chorus.insight.activity.ProgrammeArea;
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
 * Findings of engagement activities: recorded and published by the organisation that heard them, searched by
 * analysts, and shown on partner websites once published. Request scoped because it holds the request's caller.
 */
@Path("/api/v1/findings")
@RequestScoped
@Tag(name = "Findings")
@Extension(name = OwnershipRule.EXTENSION, value = "finding")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FindingResource {

    private final FindingService findings;
    private final FindingQueries queries;
    private final IdempotentRequests idempotency;
    private final Caller caller;

    public FindingResource(FindingService findings, FindingQueries queries, IdempotentRequests idempotency,
            Caller caller) {
        this.findings = findings;
        this.queries = queries;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Scopes.INSIGHTS_WRITE)
    @Operation(operationId = "recordFinding", summary = "Record a finding of one of your activities",
            description = "Recorded unpublished. Unknown themes can be proposed in proposedThemes. Safe to retry with "
                    + "the same Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Recorded; the ETag names its version",
            content = @Content(schema = @Schema(implementation = Finding.class)))
    @APIResponse(responseCode = "422", description = "Not valid: e.g. an unknown theme, another organisation's "
            + "activity, more participants than the activity had, or a quote that is not anonymous")
    public Response create(
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @Valid @NotNull FindingInput body) {
        Finding finding = idempotency.execute(caller.organisationId().toString(), idempotencyKey, "create-finding",
                body, Finding.class, () -> findings.create(caller, body)).result();
        return ETags.created(Locations.of(FindingResource.class, finding.id()), finding, Finding::version);
    }

    @GET
    @RolesAllowed({ Scopes.INSIGHTS_READ, Scopes.INSIGHTS_WRITE, Scopes.PUBLIC })
    @Operation(operationId = "searchFindings", summary = "Search findings",
            description = "Full-text search over statements and quotes (web search syntax: words, \"phrases\", "
                    + "-exclusions, or) with filters; newest activity first, cursor-paged. insights:read sees every "
                    + "finding; insights:write the published ones and its own; a publishable key only published ones.")
    @APIResponse(responseCode = "200", description = "A page of findings" + ETags.PAGE_KEPT)
    @APIResponse(responseCode = "304", description = ETags.NOT_MODIFIED)
    public RestResponse<Page<Finding>> search(
            @Parameter(description = "Words to find in statements and quotes", example = "mental health referrals")
            @QueryParam("q") @Size(max = 500) String text,
            @Parameter(description = "Theme code, as GET /api/v1/themes lists them; another is a 400",
                    example = "waiting-times") @QueryParam("theme") String theme,
            @Parameter(description = "Place code", example = "lancashire") @QueryParam("place") String place,
            @Parameter(description = "Engagement method") @QueryParam("method") EngagementMethod method,
            @Parameter(description = "Programme area") @QueryParam("programmeArea") ProgrammeArea area,
            @Parameter(description = "Organisation that heard it") @QueryParam("organisation") UUID organisation,
            @Parameter(description = "Sentiment") @QueryParam("sentiment") Sentiment sentiment,
            @Parameter(description = "Heard in an activity ending on or after", example = "2019-01-01")
            @QueryParam("from") LocalDate from,
            @Parameter(description = "Heard in an activity starting on or before", example = "2019-12-31")
            @QueryParam("to") LocalDate to,
            @Valid @BeanParam PageRequest page) {
        var filter = new FindingFilter(text, theme, place, method, area, organisation, sentiment, from, to);
        return ETags.pageToKeep(queries.search(caller, filter, page.limit(), page.cursor()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Scopes.INSIGHTS_READ, Scopes.INSIGHTS_WRITE, Scopes.PUBLIC })
    @Operation(operationId = "getFinding", summary = "Get a finding")
    @APIResponse(responseCode = "200", description = "The finding; the ETag names its version",
            content = @Content(schema = @Schema(implementation = Finding.class)))
    @APIResponse(responseCode = "404", description = "No such finding, or not published and not yours to see")
    @APIResponse(responseCode = "304", description = ETags.NOT_MODIFIED)
    public Response get(@PathParam("id") UUID id) {
        return ETags.ok(queries.get(caller, id), Finding::version);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Scopes.INSIGHTS_WRITE)
    @Operation(operationId = "correctFinding",
            summary = "Correct a finding", description = "Replaces it; a published finding is announced again.")
    @APIResponse(responseCode = "200", description = "Changed; the new ETag is returned",
            content = @Content(schema = @Schema(implementation = Finding.class)))
    public Response update(@PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull FindingInput body) {
        return ETags.ok(findings.update(caller, id, ifMatch, body), Finding::version);
    }

    @POST
    @Path("/{id}/publish")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Scopes.INSIGHTS_WRITE)
    @Operation(operationId = "publishFinding",
            summary = "Publish a finding", description = "Makes it visible to partner websites and announces "
            + "FindingPublished. Publishing a published finding changes nothing.")
    @APIResponse(responseCode = "200", description = "Published",
            content = @Content(schema = @Schema(implementation = Finding.class)))
    public Response publish(@PathParam("id") UUID id) {
        return ETags.ok(findings.publish(caller, id), Finding::version);
    }

    @POST
    @Path("/{id}/withdraw")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Scopes.INSIGHTS_WRITE)
    @Operation(operationId = "withdrawFinding",
            summary = "Withdraw a published finding", description = "Hides it from partner websites again and "
            + "announces FindingWithdrawn.")
    @APIResponse(responseCode = "200", description = "Withdrawn",
            content = @Content(schema = @Schema(implementation = Finding.class)))
    public Response withdraw(@PathParam("id") UUID id) {
        return ETags.ok(findings.withdraw(caller, id), Finding::version);
    }
}
