package org.chorus.directory.webhook;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.chorus.platform.web.ETags;
import org.chorus.platform.web.Locations;
import org.chorus.platform.web.caller.Caller;
import org.chorus.platform.web.caller.Scopes;
import org.chorus.platform.web.openapi.OwnershipRule;
import org.chorus.platform.web.paging.Page;
import org.chorus.platform.web.paging.PageRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * An organisation's webhook subscriptions and their delivery log, for partner systems that want to hear of changes
 * rather than poll. Request scoped because it holds the request's {@link Caller}.
 */
@Path("/api/v1/webhooks")
@RequestScoped
@Tag(name = "Webhooks")
@Extension(name = OwnershipRule.EXTENSION, value = "webhook subscription")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Scopes.WEBHOOKS_MANAGE)
public class WebhookResource {

    private final WebhookService webhooks;
    private final DeliveryLog log;
    private final Caller caller;

    public WebhookResource(WebhookService webhooks, DeliveryLog log, Caller caller) {
        this.webhooks = webhooks;
        this.log = log;
        this.caller = caller;
    }

    @POST
    @Operation(operationId = "subscribeToEvents", summary = "Subscribe to events",
            description = "Deliveries of the calling organisation's own findings, actions and surveys go to the url, "
                    + "signed as Standard Webhooks asks. The secret is in this answer only. Not idempotent on purpose: "
                    + "a stored replay would have to keep the secret; delete a subscription you do not use.")
    @APIResponse(responseCode = "201", description = "Subscribed, with its secret; the ETag names its version",
            content = @Content(schema = @Schema(implementation = IssuedWebhookSecret.class)))
    @APIResponse(responseCode = "422", description = "Not valid: an unknown event type, or a url that is not https or "
            + "resolves to a private, loopback, link-local, unique-local, multicast or unspecified address")
    public Response subscribe(@Valid @NotNull WebhookInput body) {
        IssuedWebhookSecret issued = webhooks.subscribe(caller, body);
        return ETags.created(Locations.of(WebhookResource.class, issued.subscription().id()), issued,
                i -> i.subscription().version());
    }

    @GET
    @Operation(operationId = "listWebhookSubscriptions",
            summary = "List the organisation's webhook subscriptions", description = "Without secrets; oldest first.")
    @APIResponse(responseCode = "200", description = "A page of subscriptions")
    public Page<WebhookSubscription> list(@Valid @BeanParam PageRequest page) {
        return webhooks.list(caller, page.limit(), page.cursor());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getWebhookSubscription",
            summary = "Get a webhook subscription", description = "Without its secret.")
    @APIResponse(responseCode = "200", description = "The subscription; the ETag names its version",
            content = @Content(schema = @Schema(implementation = WebhookSubscription.class)))
    @APIResponse(responseCode = "304", description = ETags.NOT_MODIFIED)
    public Response get(@PathParam("id") UUID id) {
        return ETags.ok(webhooks.get(caller, id), WebhookSubscription::version);
    }

    @DELETE
    @Path("/{id}")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "deleteWebhookSubscription",
            summary = "Delete a webhook subscription", description = "Deliveries not yet sent are dropped.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        webhooks.delete(caller, id, ifMatch);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/rotate-secret")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "rotateWebhookSecret", summary = "Rotate a subscription's secret",
            description = "The new secret is in this answer only. For 24 hours every delivery, retries of earlier "
                    + "events included, carries two signatures (new and previous secret, space-separated in "
                    + "webhook-signature), so a receiver verifies with either while it switches.")
    @APIResponse(responseCode = "200", description = "Rotated, with the new secret; the new ETag is returned",
            content = @Content(schema = @Schema(implementation = IssuedWebhookSecret.class)))
    public Response rotateSecret(@PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ETags.ok(webhooks.rotateSecret(caller, id, ifMatch), i -> i.subscription().version());
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "Read a subscription's delivery log",
            description = "Newest first: status, attempts, the last answer's status code and the next attempt.")
    @APIResponse(responseCode = "200", description = "A page of deliveries")
    public Page<WebhookDelivery> deliveries(@PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
        return log.list(caller, id, page.limit(), page.cursor());
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/redeliver")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "redeliverWebhookDelivery", summary = "Send a delivery again",
            description = "Queues it at the back of the subscription's queue, due now, with a fresh retry period. "
                    + "Its webhook-id is unchanged, so a receiver that has it already can ignore it.")
    @APIResponse(responseCode = "202", description = "Queued")
    @APIResponse(responseCode = "409", description = "The subscription was disabled")
    public Response redeliver(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        log.redeliver(caller, id, deliveryId);
        return Response.accepted().build();
    }
}
