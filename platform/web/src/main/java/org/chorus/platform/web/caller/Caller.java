package org.chorus.platform.web.caller;

import java.util.Set;
import java.util.UUID;

/**
 * Who is calling, as the gateway vouched for it: the organisation, the key it used and that key's scopes.
 */
public record Caller(UUID organisationId, UUID keyId, String keyKind, Set<String> scopes) {

    public boolean has(String scope) {
        return scopes.contains(scope);
    }

    public boolean belongsTo(UUID organisation) {
        return organisationId.equals(organisation);
    }
}
