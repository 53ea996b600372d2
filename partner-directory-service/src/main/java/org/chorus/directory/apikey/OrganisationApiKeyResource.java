package org.chorus.directory.apikey;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
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
import org.chorus.platform.web.paging.PageRequest;
import org.chorus.platform.web.paging.Page;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Issuing and listing an organisation's API keys: administrators only. */
@Path("/api/v1/organisations/{organisationId}/api-keys")
@Tag(name = "API keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Scopes.DIRECTORY_MANAGE)
public class OrganisationApiKeyResource {

    private final ApiKeyService keys;

    public OrganisationApiKeyResource(ApiKeyService keys) {
        this.keys = keys;
    }

    @POST
    @Operation(operationId = "issueApiKey", summary = "Issue an API key to an organisation",
            description = "The secret is in this answer only; Chorus keeps just its hash. Not idempotent on purpose: "
                    + "a stored replay would have to keep the secret. A retried request issues a second key; "
                    + "revoke the one you do not use. Announces ApiKeyIssued: the gateway learns of the key from that "
                    + "event, and answers 401 to it until then.")
    @APIResponse(responseCode = "201", description = "Issued, with its secret",
            content = @Content(schema = @Schema(implementation = IssuedApiKey.class)))
    @APIResponse(responseCode = "422", description = "Not valid: unknown scope, scopes on a publishable key, "
            + "an expiry in the past, or a deactivated organisation")
    public Response issue(@PathParam("organisationId") UUID organisationId, @Valid @NotNull ApiKeyInput body) {
        IssuedApiKey issued = keys.issue(organisationId, body);
        return Response.created(Locations.of(ApiKeyResource.class, issued.key().id())).entity(issued).build();
    }

    @GET
    @Operation(operationId = "listApiKeys",
            summary = "List an organisation's API keys", description = "Without secrets; oldest first.")
    @APIResponse(responseCode = "200", description = "A page of keys")
    public Page<ApiKey> list(@PathParam("organisationId") UUID organisationId, @Valid @BeanParam PageRequest page) {
        return keys.list(organisationId, page.limit(), page.cursor());
    }
}
