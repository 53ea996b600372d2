package org.chorus.survey;

import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.platform.testing.OversizedRequests;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** A service behind the gateway refuses oversized request heads as problem documents too, as every service does. */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class RequestHeadLimitsTest {

    @Test
    void oversizedRequestHeadsGetProblemDocuments() throws Exception {
        OversizedRequests.assertRefusedWithProblems(RestAssured.port, "/api/v1/surveys");
    }
}
