package org.chorus.insight.theme;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.chorus.platform.web.ETags;
import org.chorus.platform.web.caller.Scopes;
import org.chorus.platform.web.paging.Page;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The theme taxonomy, readable by everyone who can see findings, so that filters and uploads can use its codes. */
@Path("/api/v1/themes")
@Tag(name = "Themes")
@Produces(MediaType.APPLICATION_JSON)
public class ThemeResource {

    private final ThemeService themes;

    public ThemeResource(ThemeService themes) {
        this.themes = themes;
    }

    @GET
    @RolesAllowed({ Scopes.INSIGHTS_READ, Scopes.INSIGHTS_WRITE, Scopes.PUBLIC })
    @Operation(operationId = "listThemes", summary = "List the themes of the taxonomy",
            description = "The whole taxonomy on one page, in label order: it is small and changes only by release.")
    @APIResponse(responseCode = "200", description = "Every theme" + ETags.PAGE_KEPT)
    @APIResponse(responseCode = "304", description = ETags.NOT_MODIFIED)
    public RestResponse<Page<Theme>> list() {
        return ETags.pageToKeep(new Page<>(themes.list(), null));
    }

    @GET
    @Path("/proposals")
    @RolesAllowed({ Scopes.INSIGHTS_READ, Scopes.INSIGHTS_WRITE })
    @Operation(operationId = "listThemeProposals", summary = "List proposed new themes",
            description = "Themes that findings proposed because the taxonomy lacked them, most often proposed first.")
    @APIResponse(responseCode = "200", description = "Every proposal, grouped by its normalised label")
    public Page<ThemeProposal> proposals() {
        List<ThemeProposal> proposals = themes.proposals();
        return new Page<>(proposals, null);
    }
}
