package org.chorus.directory.apikey;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.chorus.platform.web.caller.KeyKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An API key as listed: everything but the secret, which is shown only once, when the key is issued. */
@Schema(name = "ApiKey", requiredProperties = { "id", "organisationId", "name", "kind", "prefix", "scopes",
        "createdAt" })
public record ApiKey(
        UUID id,
        UUID organisationId,
        @Schema(examples = "Website survey widget") String name,
        KeyKind kind,
        @Schema(description = "First characters of the secret, to tell keys apart", examples = "chorus_pk_7Qx2")
        String prefix,
        @Schema(examples = "[\"surveys:manage\"]") List<String> scopes,
        Instant createdAt,
        Instant expiresAt,
        Instant revokedAt) {
}
