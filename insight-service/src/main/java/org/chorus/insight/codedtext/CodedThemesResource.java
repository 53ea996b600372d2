package org.chorus.insight.codedtext;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
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

    private static final String COUNTS = "SELECT t.code, t.label, count(*) FROM coded_survey_answer a "
            + "CROSS JOIN unnest(a.theme_codes) AS c(code) JOIN theme t ON t.code = c.code "
            + "WHERE cast(:survey AS uuid) IS NULL OR a.survey_id = cast(:survey AS uuid) "
            + "GROUP BY t.code, t.label ORDER BY CASE WHEN count(*) < " + CodedThemeCount.THRESHOLD
            + " THEN 0 ELSE count(*) END DESC, t.label";

    private final EntityManager entityManager;

    public CodedThemesResource(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @GET
    @RolesAllowed({ Scopes.INSIGHTS_READ, Scopes.INSIGHTS_WRITE })
    @Operation(operationId = "countCodedSurveyAnswersByTheme",
            summary = "Count coded survey answers by theme", description = "Free-text survey answers whose "
            + "coding (first coder) gave them a category mapped to a theme, counted once per answer and theme "
            + "however often recoded; erased responses are not counted. Counts of 1 to 4 are suppressed.")
    @APIResponse(responseCode = "200", description = "Themes with at least one coded answer, most answers first")
    public Page<CodedThemeCount> list(
            @Parameter(description = "Only this survey's answers") @QueryParam("surveyId") UUID surveyId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(COUNTS)
                .setParameter("survey", surveyId == null ? null : surveyId.toString()).getResultList();
        return new Page<>(rows.stream().map(r -> CodedThemeCount.of((String) r[0], (String) r[1],
                ((Number) r[2]).longValue())).toList(), null);
    }
}
