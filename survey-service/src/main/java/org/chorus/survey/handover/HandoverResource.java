package org.chorus.survey.handover;

import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.chorus.platform.handover.HandoverPart;
import org.chorus.platform.handover.HandoverPartResource;
import org.chorus.platform.handover.Handovers;
import org.chorus.platform.web.caller.Caller;
import org.chorus.platform.web.caller.Scopes;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.vertx.core.http.HttpServerResponse;

/** The survey service's part of handing an organisation's records over whole. */
@RequestScoped
@Path("/api/v1/handover/surveys")
@Tag(name = "Handover")
public class HandoverResource extends HandoverPartResource {

    public HandoverResource(Handovers handovers, Caller caller) {
        super(HandoverPart.SURVEYS, handovers, caller,
                organisation -> SurveyHandover.sections(organisation, withContacts(caller)));
    }

    // its responses and the organisation parameter are documented for every part by HandoverOperations
    @GET
    @Produces(Handovers.ZIP)
    @RolesAllowed(Scopes.HANDOVER_READ)
    @Operation(operationId = "handOverSurveys", summary = "Hand over the organisation's surveys and responses",
            description = "A Frictionless Data Package (zip), streamed: surveys.csv (drafts included), "
                    + "survey_versions.csv (every published version's definition), responses.csv (every response "
                    + "not erased, its answers as JSON; respondents' contact details, where they consented, only "
                    + "when the key also holds contacts:read) and export_audit.csv, with datapackage.json. Only the "
                    + "organisation's own key may ask. Audited as handover.exported (saying whether contact details "
                    + "went), and handover.export-finished with the row counts.")
    public Response handOver(@QueryParam(Handovers.ORGANISATION) String organisation,
            @Context HttpServerResponse response, @Context Request request) {
        return answer(organisation, response, request);
    }

    @Override
    protected Map<String, String> auditDetails() {
        return Map.of("includeContact", Boolean.toString(withContacts(caller())));
    }

    /** Respondents' contact details go only to a key that may read them anyway. */
    private static boolean withContacts(Caller caller) {
        return caller.has(Scopes.CONTACTS_READ);
    }
}
