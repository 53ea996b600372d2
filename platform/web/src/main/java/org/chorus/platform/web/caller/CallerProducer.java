package org.chorus.platform.web.caller;

import java.util.UUID;

import jakarta.enterprise.inject.Produces;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.UnauthorizedException;

/**
 * Makes the verified internal token available as a {@link Caller} to any bean serving a request. The caller is
 * dependent on where it is injected: inject it only into request-scoped beans (or through {@code Instance}), never
 * into a singleton resource, which would keep the first request's caller for ever.
 */
public class CallerProducer {

    @Produces
    Caller caller(JsonWebToken token) {
        if (token == null || token.getRawToken() == null) {
            throw new UnauthorizedException();
        }
        return new Caller(
                UUID.fromString(text(token, InternalToken.ORGANISATION_CLAIM)),
                UUID.fromString(token.getSubject()),
                text(token, InternalToken.KEY_KIND_CLAIM),
                token.getGroups());
    }

    private static String text(JsonWebToken token, String claim) {
        Object value = token.getClaim(claim);
        if (value instanceof JsonString json) {
            return json.getString();
        }
        if (value == null) {
            throw new UnauthorizedException();
        }
        return value.toString();
    }
}
