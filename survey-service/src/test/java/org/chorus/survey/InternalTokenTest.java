package org.chorus.survey;

import static io.restassured.RestAssured.given;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.platform.testing.TestCallers;
import org.chorus.platform.testing.TestInfrastructure;
import org.chorus.platform.web.caller.InternalToken;
import org.chorus.platform.web.caller.Scopes;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;

/**
 * A service remembers the internal tokens it has verified; that must never let through a token it would refuse:
 * one altered after a genuine one was accepted, one signed by another key, one that has expired.
 */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class InternalTokenTest {

    private static final String SURVEYS = "/api/v1/surveys";

    @Test
    void aTokenAcceptedOnceIsAcceptedAgainButNoAlteredCopyOfIt() {
        String token = TestCallers.token(UUID.randomUUID(), UUID.randomUUID(), "publishable", Set.of(Scopes.PUBLIC));
        given().auth().oauth2(token).when().get(SURVEYS).then().statusCode(200);
        given().auth().oauth2(token).when().get(SURVEYS).then().statusCode(200);

        String[] parts = token.split("\\.");
        String otherClaims = TestCallers.token(UUID.randomUUID(), UUID.randomUUID(), "secret",
                Set.of(Scopes.SURVEYS_MANAGE)).split("\\.")[1];
        given().auth().oauth2(parts[0] + "." + otherClaims + "." + parts[2]).when().get(SURVEYS)
                .then().statusCode(401).contentType("application/problem+json");
        char last = parts[2].charAt(parts[2].length() - 2);
        String alteredSignature = parts[2].substring(0, parts[2].length() - 2) + (last == 'A' ? 'B' : 'A')
                + parts[2].charAt(parts[2].length() - 1);
        given().auth().oauth2(parts[0] + "." + parts[1] + "." + alteredSignature).when().get(SURVEYS)
                .then().statusCode(401);
    }

    @Test
    void aTokenSignedByAnotherKeyOrExpiredIsRefused() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        PrivateKey stranger = generator.generateKeyPair().getPrivate();
        String forged = TestCallers.token(stranger, UUID.randomUUID(), UUID.randomUUID(), "secret",
                Set.of(Scopes.SURVEYS_MANAGE));
        given().auth().oauth2(forged).when().get(SURVEYS).then().statusCode(401);

        String expired = Jwt.issuer(InternalToken.ISSUER).audience(TestCallers.audienceUnderTest())
                .subject(UUID.randomUUID().toString())
                .claim(InternalToken.ORGANISATION_CLAIM, UUID.randomUUID().toString())
                .claim(InternalToken.KEY_KIND_CLAIM, "publishable").groups(Set.of(Scopes.PUBLIC))
                .issuedAt(Instant.now().minusSeconds(3600)).expiresAt(Instant.now().minusSeconds(1800))
                .sign(TestInfrastructure.get().keys().privateKey());
        given().auth().oauth2(expired).when().get(SURVEYS).then().statusCode(401);
    }
}
