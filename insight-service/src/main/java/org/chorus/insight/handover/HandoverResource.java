package org.chorus.insight.handover;

import java.io.InputStream;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.chorus.insight.organisation.ActingOrganisation;
import org.chorus.platform.handover.HandoverPart;
import org.chorus.platform.handover.HandoverPartResource;
import org.chorus.platform.handover.Handovers;
import org.chorus.platform.web.caller.Caller;
import org.chorus.platform.web.caller.Scopes;
import org.chorus.platform.web.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.vertx.core.http.HttpServerResponse;

/** Insight's part of handing an organisation's records over whole, and taking such a part in. */
@RequestScoped
@Path("/api/v1/handover/insight")
@Tag(name = "Handover")
public class HandoverResource extends HandoverPartResource {

    private final HandoverImport imports;
    private final ActingOrganisation acting;

    public HandoverResource(Handovers handovers, HandoverImport imports, ActingOrganisation acting, Caller caller) {
        super(HandoverPart.INSIGHT, handovers, caller, InsightHandover::sections);
        this.imports = imports;
        this.acting = acting;
    }

    // its responses and the organisation parameter are documented for every part by HandoverOperations
    @GET
    @Produces(Handovers.ZIP)
    @RolesAllowed(Scopes.HANDOVER_READ)
    @Operation(operationId = "handOverInsight", summary = "Hand over the organisation's insight records",
            description = "A Frictionless Data Package (zip), streamed: activities.csv, findings.csv (with their "
                    + "quotes), theme_proposals.csv, actions.csv and uploads.csv (each upload's counts and its report "
                    + "row by row), and datapackage.json with each table's schema: types, titles, descriptions, "
                    + "codes, primary and foreign keys. Only the organisation's own key may ask. Audited as "
                    + "handover.exported, and handover.export-finished with the row counts.")
    public Response handOver(@QueryParam(Handovers.ORGANISATION) String organisation,
            @Context HttpServerResponse response, @Context Request request) {
        return answer(organisation, response, request);
    }

    @POST
    @Path("/import")
    // any type reaches the method, so that a key without the scope hears 403 before a wrong type hears 415
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.INSIGHTS_WRITE)
    @Operation(operationId = "importInsightHandover",
            summary = "Take in another organisation's handed-over insight records",
            description = "The body is the zip GET /api/v1/handover/insight gave another organisation (up to the "
                    + "gateway's body limit). Its activities, findings, proposed themes and actions become the "
                    + "caller's own, all or nothing, as they were: texts, codes, dates, published or not, versions "
                    + "and times. Each gets a new id derived from the caller's organisation and its original id "
                    + "(a name-based UUID of \"chorus-handover:<organisation>:<original id>\"), so that sending the "
                    + "same package again stores nothing twice: it reports those records as present. Upload reports "
                    + "are not imported. Imported records are not announced as events. Audited as handover.imported.")
    @RequestBody(content = @Content(mediaType = Handovers.ZIP, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "200", description = "Imported; the counts per table",
            content = @Content(schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "400", description = "invalid-package: not a handover package's insight part, or a "
            + "cell that cannot be read (the detail names file, row and column)")
    @APIResponse(responseCode = "403", description = "The key lacks insights:write")
    @APIResponse(responseCode = "409", description = "The package holds the caller's own records")
    @APIResponse(responseCode = "415", description = "The body is not application/zip")
    @APIResponse(responseCode = "422", description = "organisation-not-active")
    public ImportReport importPackage(@Context HttpHeaders headers, InputStream body) {
        UUID organisation = acting.requireActive(caller());
        if (!isZip(headers)) {
            throw ProblemException.unsupportedMediaType(
                    "The body must be application/zip: the insight part of a handover package");
        }
        return imports.importPackage(organisation, body);
    }

    private static boolean isZip(HttpHeaders headers) {
        try {
            MediaType type = headers.getMediaType();
            return type != null && type.isCompatible(MediaType.valueOf(Handovers.ZIP));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
