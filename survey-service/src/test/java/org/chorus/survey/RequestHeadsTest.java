package org.chorus.survey;

import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.platform.testing.RequestHeads;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * A service behind the gateway refuses oversized request heads, and heads that leave open what was meant, as problem
 * documents too, as every service does. Host is the gateway's to check: a service takes the forwarded one.
 */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class RequestHeadsTest {

    @Test
    void oversizedRequestHeadsGetProblemDocuments() throws Exception {
        RequestHeads.assertOversizedRefused(RestAssured.port, "/api/v1/surveys");
    }

    @Test
    void requestHeadsThatLeaveOpenWhatWasMeantGetProblemDocuments() throws Exception {
        RequestHeads.assertAmbiguousRefused(RestAssured.port, "/api/v1/surveys");
    }
}
