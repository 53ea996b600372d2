package org.chorus.insight.reach;

import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.chorus.platform.web.caller.Scopes;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Reach summaries: the partnership's view of who it heard, and where it heard nobody. */
@Path("/api/v1/reach")
@Tag(name = "Reach")
@Produces(MediaType.APPLICATION_JSON)
public class ReachResource {

    private final ReachService reach;

    public ReachResource(ReachService reach) {
        this.reach = reach;
    }

    @GET
    @RolesAllowed({ Scopes.INSIGHTS_READ, Scopes.INSIGHTS_WRITE })
    @Operation(operationId = "summariseReach", summary = "Summarise reach for a place and period",
            description = "Activities overlapping the period (in the place, if given): counts and participants by "
                    + "method, groups reached, top themes of their findings; survey responses received in the period "
                    + "(from survey.responses events, erased responses not counted); the known places with no "
                    + "activity and no response in the period; and groups reached before but not in this period.")
    @APIResponse(responseCode = "200", description = "The summary")
    public ReachSummary summarise(
            @Parameter(description = "Place code; omit for the whole partnership", example = "blackpool")
            @QueryParam("place") String place,
            @Parameter(description = "First day of the period", example = "2019-01-01", required = true)
            @QueryParam("from") @NotNull LocalDate from,
            @Parameter(description = "Last day of the period", example = "2019-12-31", required = true)
            @QueryParam("to") @NotNull LocalDate to) {
        return reach.summarise(place, from, to);
    }
}
