package org.chorus.platform.web.caller;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.chorus.platform.web.problem.FieldError;
import org.chorus.platform.web.problem.ProblemException;

/**
 * Who is calling, as the gateway vouched for it: the organisation, the key it used and that key's scopes.
 */
public record Caller(UUID organisationId, UUID keyId, String keyKind, Set<String> scopes) {

    public boolean has(String scope) {
        return scopes.contains(scope);
    }

    /** A secret key is an organisation's own server; a publishable one may be anyone's browser. */
    public boolean usesSecretKey() {
        return KeyKind.SECRET.isNamedBy(keyKind);
    }

    public boolean belongsTo(UUID organisation) {
        return organisationId.equals(organisation);
    }

    /**
     * The one ownership check: a record is changed, or its personal data read, only by the organisation that owns it.
     * Where readers may see every organisation's records, hiding a record's existence would protect nothing, so
     * another organisation's attempt is a plain 403.
     *
     * @param what the record, as the caller knows it ("survey", "finding"), for the problem's title
     * @param detail what only the owner may do, in the caller's terms
     * @throws ProblemException 403 not-owner when the record belongs to another organisation
     */
    public void requireOwnerOf(UUID owner, String what, String detail, FieldError... errors) {
        if (!belongsTo(owner)) {
            throw new ProblemException(403, "not-owner", "Not your " + what, detail, List.of(errors));
        }
    }
}
