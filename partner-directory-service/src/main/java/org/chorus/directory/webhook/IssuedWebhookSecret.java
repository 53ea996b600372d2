package org.chorus.directory.webhook;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subscription with its signing secret: the only answer that ever shows the secret. */
@Schema(requiredProperties = { "subscription", "secret" })
public record IssuedWebhookSecret(
        WebhookSubscription subscription,
        @Schema(description = "whsec_ and base64 of 32 random bytes; verify deliveries with it. Shown once.",
                example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        String secret) {
}
