package org.chorus.survey.response;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.chorus.platform.web.caller.Scopes;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Erasure by receipt: whoever holds a response's token can take the response back. */
@Path("/api/v1/responses")
@Tag(name = "Responses")
@Produces(MediaType.APPLICATION_JSON)
public class ErasureResource {

    public static final String ERASURE_TOKEN = "Erasure-Token";

    private final ResponseService responses;

    public ErasureResource(ResponseService responses) {
        this.responses = responses;
    }

    @DELETE
    @Path("/{responseId}")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({ Scopes.PUBLIC, Scopes.SURVEYS_MANAGE })
    @Operation(operationId = "eraseResponse", summary = "Erase a response with its receipt's token",
            description = "The response leaves results and exports at once; the change feed keeps a tombstone (its id "
                    + "and when it was erased, nothing of its content). Announces ResponseErased.")
    @APIResponse(responseCode = "204", description = "Erased")
    @APIResponse(responseCode = "404", description = "No such response, already erased, or not its token")
    public Response erase(@PathParam("responseId") UUID responseId,
            @Parameter(description = "The erasureToken from the receipt", required = true)
            @HeaderParam(ERASURE_TOKEN) String token) {
        responses.erase(responseId, token);
        return Response.noContent().build();
    }
}
