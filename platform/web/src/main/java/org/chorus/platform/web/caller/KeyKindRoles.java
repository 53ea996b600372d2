package org.chorus.platform.web.caller;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Gives every caller with a secret key the role {@link Scopes#ANY_SECRET_KEY}, so an operation can be open to any
 * organisation's server while staying closed to publishable keys, which anyone can copy out of a web page.
 */
@ApplicationScoped
public class KeyKindRoles implements SecurityIdentityAugmentor {

    private final TokenClaims claims;

    KeyKindRoles(TokenClaims claims) {
        this.claims = claims;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)
                || !KeyKind.SECRET.isNamedBy(claims.of(token).keyKind())) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity).addRole(Scopes.ANY_SECRET_KEY).build());
    }
}
