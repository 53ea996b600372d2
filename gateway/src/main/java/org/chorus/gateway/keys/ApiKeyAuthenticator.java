package org.chorus.gateway.keys;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.gateway.events.DirectoryReplicas;
import org.chorus.platform.events.contract.SecretHashes;

/** Decides from the {@code Authorization} header alone whether a request may pass the gateway, and as whom. */
@ApplicationScoped
public class ApiKeyAuthenticator {

    /** RFC 6750 token characters; anything else cannot be a key the directory issued. */
    private static final Pattern BEARER = Pattern.compile("[Bb][Ee][Aa][Rr][Ee][Rr] +([A-Za-z0-9\\-._~+/]{1,512}=*) *");

    private final ApiKeyCache cache;
    private final DirectoryReplicas replicas;

    public ApiKeyAuthenticator(ApiKeyCache cache, DirectoryReplicas replicas) {
        this.cache = cache;
        this.replicas = replicas;
    }

    public Authentication authenticate(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return Authentication.refused(Authentication.Refusal.MISSING);
        }
        Matcher matcher = BEARER.matcher(authorization);
        if (!matcher.matches()) {
            return Authentication.refused(Authentication.Refusal.MALFORMED);
        }
        KeyLookup lookup = cache.find(SecretHashes.sha256Hex(matcher.group(1)));
        return switch (lookup.outcome()) {
            case VALID -> Authentication.of(lookup.key());
            case REVOKED -> Authentication.refused(Authentication.Refusal.REVOKED);
            case EXPIRED -> Authentication.refused(Authentication.Refusal.EXPIRED);
            case UNKNOWN -> Authentication.refused(replicas.keysCaughtUp()
                    ? Authentication.Refusal.UNKNOWN
                    : Authentication.Refusal.NOT_READY);
        };
    }
}
