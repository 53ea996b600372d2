package org.chorus.gateway;

import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.platform.testing.OversizedRequests;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** The public entry answers a too-long request line (414) and too-large headers (431) as problem documents. */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
@WithTestResource(StubServices.class)
class RequestHeadLimitsTest {

    @Test
    void oversizedRequestHeadsGetProblemDocuments() throws Exception {
        OversizedRequests.assertRefusedWithProblems(RestAssured.port, "/api/v1/surveys");
    }
}
