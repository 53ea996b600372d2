package org.chorus.platform.web.caller;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Remembers internal tokens already verified, until they expire. The gateway signs one token per API key and reuses
 * it for its lifetime, so without this every request paid an RSA verification for the same bytes (a fifth of a
 * service's processor time under load). Only a token identical to the verified one matches, and it is checked for
 * expiry on every use, so a cached answer is exactly the answer verification would give.
 */
@Decorator
@Priority(10)
abstract class VerifiedTokens implements JWTParser {

    /** Far above the number of keys in use at once; on overflow the memory is simply started afresh. */
    private static final int MAX_REMEMBERED = 10_000;

    private final JWTParser parser;
    private final Map<String, JsonWebToken> verified = new ConcurrentHashMap<>();

    @Inject
    VerifiedTokens(@Delegate JWTParser parser) {
        this.parser = parser;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = verified.get(token);
        if (known != null) {
            if (!expired(known)) {
                return known;
            }
            verified.remove(token);
        }
        JsonWebToken fresh = parser.parse(token);
        if (verified.size() >= MAX_REMEMBERED) {
            verified.clear();
        }
        verified.put(token, fresh);
        return fresh;
    }

    private static boolean expired(JsonWebToken token) {
        return token.getExpirationTime() <= System.currentTimeMillis() / 1000;
    }
}
