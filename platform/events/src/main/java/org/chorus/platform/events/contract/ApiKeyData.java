package org.chorus.platform.events.contract;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * State of an API key after a change. The gateway builds its key cache from these, so the key's secret never
 * travels: only its SHA-256 hash, which cannot be turned back into a usable key.
 */
public record ApiKeyData(
        UUID keyId,
        UUID organisationId,
        String kind,
        String secretHash,
        List<String> scopes,
        boolean revoked,
        Instant expiresAt) {
}
