package org.chorus.survey.results;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.chorus.platform.web.ETags;
import org.chorus.platform.web.caller.Caller;
import org.chorus.platform.web.caller.Scopes;
import org.chorus.platform.web.openapi.OwnershipRule;
import org.chorus.survey.definition.Languages;
import org.chorus.survey.definition.Survey;
import org.chorus.survey.definition.SurveyService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Aggregate results, from counters kept as responses arrive: every breakdown for analysts, and a summary that the
 * owner may publish for everyone. Request scoped because the {@link Caller} differs on every request.
 */
@RequestScoped
@Path("/api/v1/surveys/{surveyId}/results")
@Tag(name = "Results")
@Extension(name = OwnershipRule.EXTENSION, value = "survey")
@Produces(MediaType.APPLICATION_JSON)
public class ResultsResource {

    private final ResultsService results;
    private final SurveyService surveys;
    private final Caller caller;

    public ResultsResource(ResultsService results, SurveyService surveys, Caller caller) {
        this.results = results;
        this.surveys = surveys;
        this.caller = caller;
    }

    @GET
    @RolesAllowed(Scopes.EXPORTS_READ)
    @Operation(operationId = "getResults", summary = "Get a survey's results",
            description = "Ranking: first preferences, mean rank, Borda score and rank distribution per item. Choices: "
                    + "counts and shares per option. Rating: distribution and mean. Optionally broken down by channel, "
                    + "place or a demographic question (those who gave none are the group NOT_GIVEN). Counts of 1 "
                    + "to 4 are suppressed, and so are the other counts "
                    + "that would let a reader work them out by subtraction. Erased responses are not counted.")
    @APIResponse(responseCode = "200", description = "The results",
            content = @Content(schema = @Schema(implementation = SurveyResults.class)))
    @APIResponse(responseCode = "404", description = "No such survey, or never published")
    public SurveyResults get(@PathParam("surveyId") UUID surveyId,
            @Parameter(description = "all (default), channel, place, or the id of a demographic question",
                    example = "channel") @QueryParam("by") String by,
            @Parameter(description = "Language of labels; overrides Accept-Language", example = "cy")
            @QueryParam("lang") String lang, @Context HttpHeaders headers) {
        return results.results(surveyId, by, Languages.choose(lang, headers.getAcceptableLanguages()));
    }

    @GET
    @Path("/summary")
    @RolesAllowed({ Scopes.PUBLIC, Scopes.ANY_SECRET_KEY })
    @Operation(operationId = "getResultsSummary", summary = "Get a survey's published results summary",
            description = "For partner websites and anyone with a key, once the survey's owner published it: the "
                    + "overall figures of the results, with the same suppression of small numbers, labels in the "
                    + "language asked (English where not translated), and neither breakdowns nor demographic questions "
                    + "nor any free text (free-text questions only say how many answered). The figures move in "
                    + "steps: they are taken again only once at least 5 more responses have been counted or erased "
                    + "since they were (`figuresTakenAt`), so that two readings, one before and one after somebody "
                    + "answered, never show what that person said. Asking for a breakdown with `by` is refused "
                    + "with 400.")
    @APIResponse(responseCode = "200", description = "The summary; the ETag names the survey's revision and these "
            + "bytes. A browser may keep it, and asks again with If-None-Match before each use",
            content = @Content(schema = @Schema(implementation = ResultsSummary.class)))
    @APIResponse(responseCode = "404", description = "No such survey, or its results are not published: the two "
            + "are not told apart")
    @APIResponse(responseCode = "304", description = ETags.NOT_MODIFIED)
    public Response summary(@PathParam("surveyId") UUID surveyId,
            @Parameter(description = "Language of labels; overrides Accept-Language", example = "cy")
            @QueryParam("lang") String lang,
            @Parameter(hidden = true) @QueryParam("by") String by, @Context HttpHeaders headers) {
        ResultsService.SummaryRead read = results.summary(surveyId, by,
                Languages.choose(lang, headers.getAcceptableLanguages()));
        return ETags.okToKeep(read.summary(), summary -> read.surveyRevision());
    }

    @POST
    @Path("/publish")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Scopes.SURVEYS_MANAGE)
    @Operation(operationId = "publishResultsSummary", summary = "Publish a survey's results summary",
            description = "Lets anyone with a key, partner websites included, read /results/summary, until withdrawn. "
                    + "Only the survey's own organisation may, and only once the survey is published (open or "
                    + "closed). Recorded in the audit log; announces SurveyResultsPublished. Publishing again changes "
                    + "nothing.")
    @APIResponse(responseCode = "200", description = "Published; the survey with its new ETag",
            content = @Content(schema = @Schema(implementation = Survey.class)))
    @APIResponse(responseCode = "409", description = "The survey is a draft, never published")
    public Response publish(@PathParam("surveyId") UUID surveyId,
            @Parameter(description = "The survey's ETag last read") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ETags.ok(surveys.publishResults(caller, surveyId, ifMatch), Survey::revision);
    }

    @POST
    @Path("/withdraw")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Scopes.SURVEYS_MANAGE)
    @Operation(operationId = "withdrawResultsSummary", summary = "Withdraw a survey's results summary",
            description = "/results/summary answers 404 again, as for a survey that does not exist; analysts' results "
                    + "are unchanged. Recorded in the audit log; announces SurveyResultsWithdrawn. Withdrawing what is "
                    + "not published changes nothing.")
    @APIResponse(responseCode = "200", description = "Withdrawn; the survey with its new ETag",
            content = @Content(schema = @Schema(implementation = Survey.class)))
    public Response withdraw(@PathParam("surveyId") UUID surveyId,
            @Parameter(description = "The survey's ETag last read") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ETags.ok(surveys.withdrawResults(caller, surveyId, ifMatch), Survey::revision);
    }
}
