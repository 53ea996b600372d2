package org.chorus.directory.apikey;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.chorus.platform.web.caller.KeyKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an administrator sends to issue a key. */
@Schema(name = "ApiKeyInput")
public record ApiKeyInput(
        @NotBlank @Size(max = 100) @Schema(examples = "Analytics export job") String name,
        @NotNull KeyKind kind,
        @Schema(description = "For secret keys, one or more of directory:manage, surveys:manage, insights:write, "
                + "insights:read, exports:read, contacts:read (respondents' contact details in exports of the "
                + "organisation's own surveys, with exports:read), webhooks:manage (the organisation's webhook "
                + "subscriptions), coding:manage, coding:write (coding free text), handover:read (the organisation's own "
                + "records handed over whole). Publishable keys always get only "
                + "'public'.",
                examples = "[\"exports:read\", \"insights:read\"]")
        @Size(max = 10) List<@NotBlank String> scopes,
        @Future @Schema(description = "When the key stops working; none means until revoked") Instant expiresAt) {

    public List<String> scopesOrEmpty() {
        return scopes == null ? List.of() : scopes;
    }
}
