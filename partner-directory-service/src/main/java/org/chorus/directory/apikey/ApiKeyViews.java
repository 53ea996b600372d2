package org.chorus.directory.apikey;

import jakarta.enterprise.context.ApplicationScoped;

/** What callers see of an API key: never its secret or hash, only the prefix that helps tell keys apart. */
@ApplicationScoped
public class ApiKeyViews {

    public ApiKey of(ApiKeyEntity k) {
        return new ApiKey(k.id, k.organisationId, k.name, k.kind, k.secretPrefix, k.scopes, k.createdAt, k.expiresAt,
                k.revokedAt);
    }
}
