package org.chorus.platform.web.caller;

import java.util.UUID;

import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.UnauthorizedException;

/**
 * Makes the verified internal token available as a {@link Caller} to any bean serving a request. The caller is
 * dependent on where it is injected: inject it only into request-scoped beans (or through {@code Instance}), never
 * into a singleton resource, which would keep the first request's caller for ever.
 */
public class CallerProducer {

    private final TokenClaims claims;

    CallerProducer(TokenClaims claims) {
        this.claims = claims;
    }

    @Produces
    Caller caller(JsonWebToken token) {
        if (token == null || token.getRawToken() == null) {
            throw new UnauthorizedException();
        }
        TokenClaims.Read read = claims.of(token);
        return new Caller(UUID.fromString(required(read.organisation())), UUID.fromString(token.getSubject()),
                required(read.keyKind()), token.getGroups());
    }

    private static String required(String claim) {
        if (claim == null) {
            throw new UnauthorizedException();
        }
        return claim;
    }
}
