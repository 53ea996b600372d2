package org.chorus.directory.handover;

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

/** The directory's part of handing an organisation's records over whole. */
@RequestScoped
@Path("/api/v1/handover/directory")
@Tag(name = "Handover")
public class HandoverResource extends HandoverPartResource {

    public HandoverResource(Handovers handovers, Caller caller) {
        super(HandoverPart.DIRECTORY, handovers, caller, DirectoryHandover::sections);
    }

    // its responses and the organisation parameter are documented for every part by HandoverOperations
    @GET
    @Produces(Handovers.ZIP)
    @RolesAllowed(Scopes.HANDOVER_READ)
    @Operation(operationId = "handOverDirectory", summary = "Hand over the organisation's directory records",
            description = "A Frictionless Data Package (zip), streamed: organisation.csv, places.csv (the places it "
                    + "covers and those above them), origins.csv (its website's allowed origins) and api_keys.csv "
                    + "(each key's name, kind, scopes and dates: never a secret, its prefix or its hash), with "
                    + "datapackage.json. Only the organisation's own key may ask. Audited as handover.exported, and "
                    + "handover.export-finished with the row counts.")
    public Response handOver(@QueryParam(Handovers.ORGANISATION) String organisation,
            @Context HttpServerResponse response, @Context Request request) {
        return answer(organisation, response, request);
    }
}
