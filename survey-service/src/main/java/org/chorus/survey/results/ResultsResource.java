package org.chorus.survey.results;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.chorus.platform.web.caller.Scopes;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Aggregate results for analysts, from counters kept as responses arrive. */
@Path("/api/v1/surveys/{surveyId}/results")
@Tag(name = "Results")
@Produces(MediaType.APPLICATION_JSON)
public class ResultsResource {

    private final ResultsService results;

    public ResultsResource(ResultsService results) {
        this.results = results;
    }

    @GET
    @RolesAllowed(Scopes.EXPORTS_READ)
    @Operation(summary = "Get a survey's results",
            description = "Ranking: first preferences, mean rank, Borda score and rank distribution per item. Choices: "
                    + "counts and shares per option. Rating: distribution and mean. Optionally broken down by channel, "
                    + "place or a demographic question. Counts of 1 to 4 are suppressed, and so are the other counts "
                    + "that would let a reader work them out by subtraction. Erased responses are not counted.")
    @APIResponse(responseCode = "200", description = "The results",
            content = @Content(schema = @Schema(implementation = SurveyResults.class)))
    @APIResponse(responseCode = "404", description = "No such survey, or never published")
    public SurveyResults get(@PathParam("surveyId") UUID surveyId,
            @Parameter(description = "all (default), channel, place, or the id of a demographic question",
                    example = "channel") @QueryParam("by") String by) {
        return results.results(surveyId, by);
    }
}
