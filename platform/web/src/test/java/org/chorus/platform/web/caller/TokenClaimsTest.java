package org.chorus.platform.web.caller;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;

/** What a token says of its caller is read right the first time and every time after, and never another token's. */
class TokenClaimsTest {

    private final TokenClaims claims = new TokenClaims();

    @Test
    void readsTheOrganisationAndKeyKindATokenCarries() {
        String org = UUID.randomUUID().toString();
        JsonWebToken token = token("raw-1", org, "secret");

        assertEquals(new TokenClaims.Read(org, "secret"), claims.of(token));
        assertEquals(new TokenClaims.Read(org, "secret"), claims.of(token), "the same when remembered");
    }

    @Test
    void eachTokenGivesItsOwnCaller() {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        claims.of(token("raw-a", first, "secret"));

        assertEquals(new TokenClaims.Read(second, "publishable"), claims.of(token("raw-b", second, "publishable")));
        assertEquals(new TokenClaims.Read(first, "secret"), claims.of(token("raw-a", first, "secret")));
    }

    @Test
    void aClaimTheTokenLacksIsNull() {
        JwtClaims bare = new JwtClaims();
        bare.setSubject(UUID.randomUUID().toString());

        assertEquals(new TokenClaims.Read(null, null), claims.of(new DefaultJWTCallerPrincipal("raw-bare", "JWT", bare)));
    }

    private static JsonWebToken token(String raw, String organisation, String keyKind) {
        JwtClaims jwt = new JwtClaims();
        jwt.setSubject(UUID.randomUUID().toString());
        jwt.setClaim(InternalToken.ORGANISATION_CLAIM, organisation);
        jwt.setClaim(InternalToken.KEY_KIND_CLAIM, keyKind);
        JsonWebToken token = new DefaultJWTCallerPrincipal(raw, "JWT", jwt);
        assertEquals(raw, token.getRawToken(), "tokens are told apart by their raw form");
        return token;
    }
}
