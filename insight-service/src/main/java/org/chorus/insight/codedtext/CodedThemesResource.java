package org.chorus.insight.codedtext;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.chorus.platform.web.caller.Scopes;
import org.chorus.platform.web.paging.Page;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What people told us in surveys' own words, counted by theme: survey-service codes the text against frames whose
 * categories map to themes, and only the codes reach this service.
 */
@Path("/api/v1/themes/coded-survey-answers")
@Tag(name = "Themes")
@Produces(MediaType.APPLICATION_JSON)
public class CodedThemesResource {

    private final CodedThemeQueries counts;

    public CodedThemesResource(CodedThemeQueries counts) {
        this.counts = counts;
    }

    @GET
    @RolesAllowed({ Scopes.INSIGHTS_READ, Scopes.INSIGHTS_WRITE })
    @Operation(operationId = "countCodedSurveyAnswersByTheme",
            summary = "Count coded survey answers by theme", description = "Free-text survey answers whose "
            + "coding (first coder) gave them a category mapped to a theme, counted once per answer and theme "
            + "however often recoded; erased responses are not counted. Counts of 1 to 4 are suppressed.")
    @APIResponse(responseCode = "200", description = "Themes with at least one coded answer, most answers first; a "
            + "code the taxonomy does not have (a frame may map a category to it) is listed too, without a label")
    public Page<CodedThemeCount> list(
            @Parameter(description = "Only this survey's answers") @QueryParam("surveyId") UUID surveyId) {
        return new Page<>(counts.countByTheme(surveyId), null);
    }
}
