package org.chorus.gateway.token;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.chorus.gateway.GatewayConfig;
import org.chorus.gateway.keys.ApiKeyChanged;
import org.chorus.platform.events.contract.ApiKeyData;
import org.chorus.platform.web.caller.InternalToken;
import org.chorus.platform.web.caller.KeyKind;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.build.Jwt;

/**
 * Signs the short-lived token that tells a service who is calling, for that service alone (its own audience). An RS256
 * signature costs about a millisecond, the whole budget of the gateway, so each key's token for each service is reused
 * for part of its lifetime.
 */
@ApplicationScoped
public class InternalTokenIssuer {

    private final Map<Recipient, Signed> signed = new ConcurrentHashMap<>();
    private final long lifetimeSeconds;
    private final long reuseNanos;

    public InternalTokenIssuer(GatewayConfig config) {
        GatewayConfig.Token token = config.token();
        if (token.reuse().compareTo(token.lifetime()) >= 0) {
            throw new IllegalArgumentException("chorus.gateway.token.reuse must be shorter than chorus.gateway.token.lifetime");
        }
        this.lifetimeSeconds = token.lifetime().toSeconds();
        this.reuseNanos = token.reuse().toNanos();
    }

    /**
     * A token for the key that only the named service accepts ({@code survey}, as chorus.gateway.services names it): a
     * reused one while it is fresh and the key has not changed since it was signed.
     */
    public String tokenFor(ApiKeyData key, String service) {
        long now = System.nanoTime();
        Recipient recipient = new Recipient(key.keyId(), service);
        Signed known = signed.get(recipient);
        // Identity, not equality: the cache hands out a new instance whenever the key's state changes.
        if (known != null && known.key() == key && now - known.renewAt() < 0) {
            return known.token();
        }
        String token = sign(key, service);
        signed.put(recipient, new Signed(key, token, now + reuseNanos));
        return token;
    }

    /**
     * Signs one token at startup: a missing or unreadable signing key stops the gateway here rather than failing
     * every request later, and the first caller does not pay for loading the JWT machinery.
     */
    void verifySigningKey(@Observes StartupEvent startup, GatewayConfig config) {
        try {
            for (String service : config.services().keySet()) {
                sign(new ApiKeyData(new UUID(0, 0), new UUID(0, 0), KeyKind.SECRET.label(), null, List.of(), false,
                        null), service);
            }
        } catch (RuntimeException e) {
            throw new IllegalStateException("The gateway cannot sign internal tokens: point CHORUS_INTERNAL_TOKEN_PRIVATE_KEY"
                    + " (smallrye.jwt.sign.key.location) at the PEM file of the RSA signing key", e);
        }
    }

    void forget(@Observes ApiKeyChanged changed) {
        signed.keySet().removeIf(recipient -> recipient.keyId().equals(changed.keyId()));
    }

    private String sign(ApiKeyData key, String service) {
        List<String> scopes = key.scopes() == null ? List.of() : key.scopes();
        return Jwt.issuer(InternalToken.ISSUER)
                .audience(InternalToken.audienceOf(service))
                .subject(key.keyId().toString())
                .claim(InternalToken.ORGANISATION_CLAIM, String.valueOf(key.organisationId()))
                .claim(InternalToken.KEY_KIND_CLAIM, String.valueOf(key.kind()))
                .groups(Set.copyOf(scopes))
                .expiresIn(lifetimeSeconds)
                .sign();
    }

    /** Whose token, for which service. */
    private record Recipient(UUID keyId, String service) {
    }

    private record Signed(ApiKeyData key, String token, long renewAt) {
    }
}
