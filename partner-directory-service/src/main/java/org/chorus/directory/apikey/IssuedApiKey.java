package org.chorus.directory.apikey;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to issuing a key: the key and, this once, its secret. */
@Schema(name = "IssuedApiKey", requiredProperties = { "key", "secret" })
public record IssuedApiKey(
        ApiKey key,
        @Schema(description = "The secret to send as 'Authorization: Bearer <secret>'. Shown only now; store it safely.",
                examples = "chorus_sk_3kTq9VbN0wXc7LmP2sRf8HjD5gYa1ZeU4oIt6nBv")
        String secret) {
}
