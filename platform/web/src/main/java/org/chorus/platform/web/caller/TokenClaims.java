package org.chorus.platform.web.caller;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Chorus's own claims of a verified internal token, read once per token rather than on every request: the gateway
 * reuses a token for many requests, and each read of a claim that is not one of the standard JWT names costs an
 * exception thrown and caught inside smallrye-jwt, about 1.5% of the survey service's processor time under load.
 * The values come from the signed token alone, so a remembered answer is exactly what reading again would give.
 */
@ApplicationScoped
public class TokenClaims {

    /** As {@link VerifiedTokens}: far above the tokens in use at once; on overflow, started afresh. */
    private static final int MAX_REMEMBERED = 10_000;

    private final Map<String, Read> remembered = new ConcurrentHashMap<>();

    /**
     * What a token says of its caller; null where the token does not say.
     *
     * @param organisation the calling organisation's id, as written
     * @param keyKind {@code secret} or {@code publishable}
     */
    public record Read(String organisation, String keyKind) {
    }

    public Read of(JsonWebToken token) {
        String raw = token.getRawToken();
        Read known = raw == null ? null : remembered.get(raw);
        if (known != null) {
            return known;
        }
        Read read = new Read(text(token, InternalToken.ORGANISATION_CLAIM), text(token, InternalToken.KEY_KIND_CLAIM));
        if (raw != null) {
            if (remembered.size() >= MAX_REMEMBERED) {
                remembered.clear();
            }
            remembered.put(raw, read);
        }
        return read;
    }

    private static String text(JsonWebToken token, String claim) {
        Object value = token.getClaim(claim);
        return value instanceof JsonString json ? json.getString() : value == null ? null : value.toString();
    }
}
