package org.chorus.survey.definition;

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
import jakarta.ws.rs.core.Context;
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
 * Survey definitions: built and published by their owner, read by partner websites while open. Request scoped
 * because the {@link Caller} differs on every request.
 */
@RequestScoped
@Path("/api/v1/surveys")
@Tag(name = "Surveys")
@Extension(name = OwnershipRule.EXTENSION, value = "survey")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SurveyResource {

    private final SurveyService surveys;
    private final SurveyQueries queries;
    private final IdempotentRequests idempotency;
    private final Caller caller;

    public SurveyResource(SurveyService surveys, SurveyQueries queries, IdempotentRequests idempotency, Caller caller) {
        this.surveys = surveys;
        this.queries = queries;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Scopes.SURVEYS_MANAGE)
    @Operation(operationId = "createSurvey", summary = "Create a survey as a draft",
            description = "Owned by the caller's organisation. Safe to retry with the same Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Created as a draft; the ETag names its revision",
            content = @Content(schema = @Schema(implementation = Survey.class)))
    @APIResponse(responseCode = "422", description = "Not valid, e.g. a label without English or a ranking of one item")
    public Response create(
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @Valid @NotNull SurveyDefinition body) {
        Survey survey = idempotency.execute(caller.organisationId().toString(), idempotencyKey, "create-survey", body,
                Survey.class, () -> surveys.create(caller, body)).result();
        return ETags.created(Locations.of(SurveyResource.class, survey.id()), survey, Survey::revision);
    }

    @GET
    @RolesAllowed({ Scopes.PUBLIC, Scopes.SURVEYS_MANAGE, Scopes.EXPORTS_READ })
    @Operation(operationId = "listSurveys", summary = "List surveys",
            description = "With surveys:manage, the caller's own surveys in every state (filter by status). "
                    + "Otherwise, e.g. with a website's publishable key, the surveys open now, in the language asked.")
    @APIResponse(responseCode = "200", description = "A page of surveys" + ETags.PAGE_KEPT)
    @APIResponse(responseCode = "304", description = ETags.NOT_MODIFIED)
    public RestResponse<Page<Survey>> list(
            @Parameter(description = "Only surveys in this state (own surveys only)") @QueryParam("status")
            SurveyStatus status,
            @Parameter(description = "Language of labels; overrides Accept-Language", example = "cy")
            @QueryParam("lang") String lang,
            @Context HttpHeaders headers, @Valid @BeanParam PageRequest page) {
        String language = Languages.choose(lang, headers.getAcceptableLanguages());
        return ETags.pageToKeep(queries.list(caller, status, language, page.limit(), page.cursor()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Scopes.PUBLIC, Scopes.SURVEYS_MANAGE, Scopes.EXPORTS_READ })
    @Operation(operationId = "getSurvey", summary = "Get a survey with its questions and glossary",
            description = "The owner gets the draft it edits. Everyone else gets the published version, only while "
                    + "the survey is open, with labels in the language asked (English where not translated).")
    @APIResponse(responseCode = "200", description = "The survey; the ETag names its revision and these bytes "
            + "(the language asked). A browser may keep it, and asks again with If-None-Match before each use",
            content = @Content(schema = @Schema(implementation = Survey.class)))
    @APIResponse(responseCode = "404", description = "No such survey, or not open to this caller")
    @APIResponse(responseCode = "304", description = ETags.NOT_MODIFIED)
    public Response get(@PathParam("id") UUID id,
            @Parameter(description = "Language of labels; overrides Accept-Language", example = "cy")
            @QueryParam("lang") String lang, @Context HttpHeaders headers) {
        return ETags.okToKeep(queries.get(caller, id, Languages.choose(lang, headers.getAcceptableLanguages())),
                Survey::revision);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Scopes.SURVEYS_MANAGE)
    @Operation(operationId = "editSurvey", summary = "Edit a survey's draft",
            description = "Replaces the draft. On an open survey respondents keep answering the published version "
                    + "until the draft is published as the next version.")
    @APIResponse(responseCode = "200", description = "Saved; the new ETag is returned",
            content = @Content(schema = @Schema(implementation = Survey.class)))
    @APIResponse(responseCode = "409", description = "The survey is closed")
    public Response update(@PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull SurveyDefinition body) {
        return ETags.ok(surveys.updateDraft(caller, id, ifMatch, body), Survey::revision);
    }

    @POST
    @Path("/{id}/publish")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Scopes.SURVEYS_MANAGE)
    @Operation(operationId = "publishSurvey", summary = "Publish the draft as the next version",
            description = "The version is frozen; the survey opens (at opensAt if set). Announces SurveyPublished.")
    @APIResponse(responseCode = "200", description = "Published",
            content = @Content(schema = @Schema(implementation = Survey.class)))
    @APIResponse(responseCode = "409", description = "survey-closed; nothing-to-publish when there are no edits since "
            + "the last version; organisation-deactivated when the owner has left the partnership")
    @APIResponse(responseCode = "422", description = "The closing time has already passed")
    public Response publish(@PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ETags.ok(surveys.publish(caller, id, ifMatch), Survey::revision);
    }

    @POST
    @Path("/{id}/close")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Scopes.SURVEYS_MANAGE)
    @Operation(operationId = "closeSurvey", summary = "Close a survey now",
            description = "Responses are refused from now on; results and exports stay. Announces SurveyClosed.")
    @APIResponse(responseCode = "200", description = "Closed",
            content = @Content(schema = @Schema(implementation = Survey.class)))
    @APIResponse(responseCode = "409", description = "Never published")
    public Response close(@PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ETags.ok(surveys.close(caller, id, ifMatch), Survey::revision);
    }
}
