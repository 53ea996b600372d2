package org.chorus.platform.testing;

import java.security.PrivateKey;
import java.util.Set;
import java.util.UUID;

import org.chorus.platform.web.caller.InternalToken;
import org.eclipse.microprofile.config.ConfigProvider;

import io.smallrye.jwt.build.Jwt;

/**
 * Internal tokens as the gateway would sign them, for tests that call a service directly. The key is the test
 * key pair the service under test verifies with, so a token from anywhere else is still refused; the audience is the
 * service under test's own, so a token signed for another service is refused too.
 */
public final class TestCallers {

    /** Where a service names the only audience it accepts. */
    private static final String AUDIENCE_PROPERTY = "mp.jwt.verify.audiences";

    private TestCallers() {
    }

    /** A bearer header value for a secret key of the organisation with these scopes. */
    public static String bearer(UUID organisationId, String... scopes) {
        return "Bearer " + token(organisationId, UUID.randomUUID(), "secret", Set.of(scopes));
    }

    public static String token(UUID organisationId, UUID keyId, String keyKind, Set<String> scopes) {
        return token(TestInfrastructure.get().keys().privateKey(), organisationId, keyId, keyKind, scopes);
    }

    /** The token for the service under test signed with another key, as a forger would. */
    public static String token(PrivateKey signingKey, UUID organisationId, UUID keyId, String keyKind,
            Set<String> scopes) {
        return token(signingKey, audienceUnderTest(), organisationId, keyId, keyKind, scopes);
    }

    /**
     * The token the gateway would sign for one service ({@code InternalToken.audienceOf("survey")}), with any key, e.g.
     * that of a whole local stack, whose services verify with it.
     */
    public static String token(PrivateKey signingKey, String audience, UUID organisationId, UUID keyId,
            String keyKind, Set<String> scopes) {
        return Jwt.issuer(InternalToken.ISSUER)
                .audience(audience)
                .subject(keyId.toString())
                .claim(InternalToken.ORGANISATION_CLAIM, organisationId.toString())
                .claim(InternalToken.KEY_KIND_CLAIM, keyKind)
                .groups(scopes)
                .expiresIn(300)
                .sign(signingKey);
    }

    /** The audience the service under test verifies, from its own configuration. */
    public static String audienceUnderTest() {
        return ConfigProvider.getConfig().getValue(AUDIENCE_PROPERTY, String.class);
    }
}
