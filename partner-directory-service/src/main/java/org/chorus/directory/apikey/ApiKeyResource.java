package org.chorus.directory.apikey;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.chorus.platform.web.Locations;
import org.chorus.platform.web.caller.Scopes;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Reading and revoking single API keys: administrators only. */
@Path("/api/v1/api-keys")
@Tag(name = "API keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Scopes.DIRECTORY_MANAGE)
public class ApiKeyResource {

    private final ApiKeyService keys;

    public ApiKeyResource(ApiKeyService keys) {
        this.keys = keys;
    }

    @GET
    @Path("/{keyId}")
    @Operation(operationId = "getApiKey", summary = "Get an API key", description = "Without its secret.")
    @APIResponse(responseCode = "200", description = "The key",
            content = @Content(schema = @Schema(implementation = ApiKey.class)))
    public ApiKey get(@PathParam("keyId") UUID keyId) {
        return keys.get(keyId);
    }

    @POST
    @Path("/{keyId}/rotate")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "rotateApiKey", summary = "Rotate an API key",
            description = "Issues a replacement with the same organisation, kind, name and scopes, and lets the old key "
                    + "work for a grace period (a day unless said otherwise). The new secret is in this answer only. "
                    + "Announces ApiKeyIssued for the new key and ApiKeyRotated for the old one.")
    @APIResponse(responseCode = "201", description = "The replacement, with its secret",
            content = @Content(schema = @Schema(implementation = IssuedApiKey.class)))
    @APIResponse(responseCode = "409", description = "The key is already revoked or expired")
    public Response rotate(@PathParam("keyId") UUID keyId, @Valid RotationInput body) {
        IssuedApiKey issued = keys.rotate(keyId, body == null ? new RotationInput(null) : body);
        return Response.created(Locations.of(ApiKeyResource.class, issued.key().id())).entity(issued).build();
    }

    @POST
    @Path("/{keyId}/revoke")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "revokeApiKey", summary = "Revoke an API key",
            description = "The gateway refuses the key within a second. Revoking twice is harmless. "
                    + "Announces ApiKeyRevoked.")
    @APIResponse(responseCode = "200", description = "Revoked",
            content = @Content(schema = @Schema(implementation = ApiKey.class)))
    public ApiKey revoke(@PathParam("keyId") UUID keyId) {
        return keys.revoke(keyId);
    }
}
