package org.chorus.directory.webhook;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new subscription: where to send, and which events. */
public record WebhookInput(
        @Schema(description = "An https address on the public internet", example = "https://partner.example/chorus-hooks")
        @NotBlank @Size(max = 2000) String url,
        @Schema(description = "What to send", example = "[\"finding.published\", \"action.status-changed\"]")
        @NotEmpty @Size(max = 20) List<@NotBlank String> eventTypes) {
}
