package org.chorus.survey.handover;

import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

import org.chorus.platform.handover.HandoverPart;
import org.chorus.platform.handover.Handovers;
import org.chorus.platform.web.caller.Caller;
import org.chorus.platform.web.caller.Scopes;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.vertx.core.http.HttpServerResponse;

/** The survey service's part of handing an organisation's records over whole. */
@RequestScoped
@Path("/api/v1/handover/surveys")
@Tag(name = "Handover")
public class HandoverResource {

    private final Handovers handovers;
    private final Caller caller;

    public HandoverResource(Handovers handovers, Caller caller) {
        this.handovers = handovers;
        this.caller = caller;
    }

    @GET
    @Produces(Handovers.ZIP)
    @RolesAllowed(Scopes.HANDOVER_READ)
    @Operation(summary = "Hand over the organisation's surveys and responses",
            description = "A Frictionless Data Package (zip), streamed: surveys.csv (drafts included), "
                    + "survey_versions.csv (every published version's definition), responses.csv (every response "
                    + "not erased, its answers as JSON; respondents' contact details, where they consented, only "
                    + "when the key also holds contacts:read) and export_audit.csv, with datapackage.json. Only the "
                    + "organisation's own key may ask. Audited as handover.exported (saying whether contact details "
                    + "went), and handover.export-finished with the row counts.")
    @APIResponse(responseCode = "200", description = Handovers.STREAMED, content = @Content(mediaType = Handovers.ZIP,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "400", description = Handovers.BAD_ORGANISATION)
    @APIResponse(responseCode = "403", description = Handovers.REFUSED)
    public Response handOver(@Parameter(description = Handovers.OWN_ORGANISATION, required = true)
            @QueryParam(Handovers.ORGANISATION) String organisation, @Context HttpServerResponse response) {
        boolean withContacts = caller.has(Scopes.CONTACTS_READ);
        return handovers.answer(HandoverPart.SURVEYS, caller, organisation, id -> SurveyHandover.sections(id, withContacts),
                Map.of("includeContact", Boolean.toString(withContacts)), response::closed);
    }
}
