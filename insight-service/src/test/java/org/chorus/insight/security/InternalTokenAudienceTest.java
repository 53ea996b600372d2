package org.chorus.insight.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.security.PrivateKey;
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

/**
 * The gateway signs each request's token for the one service it routes to. A token that reached the survey service,
 * signed with the gateway's genuine key, must not be replayable at insight: insight accepts its own audience only.
 */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class InternalTokenAudienceTest {

    private static final String FINDINGS = "/api/v1/findings";

    @Test
    void aTokenSignedForTheSurveyServiceIsRefused() {
        given().auth().oauth2(tokenFor("survey")).when().get(FINDINGS)
                .then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
    }

    @Test
    void aTokenOfTheFormerSharedAudienceIsRefused() {
        given().auth().oauth2(tokenWithAudience("chorus-services")).when().get(FINDINGS).then().statusCode(401);
    }

    @Test
    void theSameTokenSignedForInsightIsAccepted() {
        given().auth().oauth2(tokenFor("insight")).when().get(FINDINGS).then().statusCode(200);
    }

    private static String tokenFor(String service) {
        return tokenWithAudience(InternalToken.audienceOf(service));
    }

    private static String tokenWithAudience(String audience) {
        PrivateKey gatewayKey = TestInfrastructure.get().keys().privateKey();
        return TestCallers.token(gatewayKey, audience, UUID.randomUUID(), UUID.randomUUID(), "secret",
                Set.of(Scopes.INSIGHTS_READ));
    }
}
