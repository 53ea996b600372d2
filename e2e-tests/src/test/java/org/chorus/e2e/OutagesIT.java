package org.chorus.e2e;

import static org.awaitility.Awaitility.await;
import static org.chorus.e2e.SystemUnderTest.admin;
import static org.chorus.e2e.SystemUnderTest.as;
import static org.chorus.e2e.SystemUnderTest.stack;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;

import org.chorus.localstack.ChorusService;
import org.junit.jupiter.api.Test;

/** What a caller sees when parts of the system are down: nothing accepted is lost, and errors are problems. */
class OutagesIT {

    @Test
    void workAcceptedWhileKafkaIsDownArrivesWhenItIsBack() throws Exception {
        stack().stopKafka();
        String[] key;
        try {
            String organisation = Directory.registerOrganisation("Healthwatch Blackpool", "HEALTHWATCH");
            key = Directory.issueSecretKeyWithoutWaitingForTheGateway(organisation, "insights:read");
            // The gateway cannot hear of the new key while the broker is down.
            as(key[1]).when().get("/api/v1/organisations").then().statusCode(401);
        } finally {
            stack().startKafka();
        }
        String secret = key[1];
        await().atMost(Duration.ofSeconds(60))
                .until(() -> as(secret).get("/api/v1/organisations").statusCode(), equalTo(200));
    }

    @Test
    void aServiceThatIsDownIsA503ProblemAndComesBack() throws Exception {
        stack().stopService(ChorusService.DIRECTORY);
        try {
            as(admin()).when().get("/api/v1/organisations")
                    .then().statusCode(503).contentType("application/problem+json");
        } finally {
            stack().startService(ChorusService.DIRECTORY);
        }
        as(admin()).when().get("/api/v1/organisations").then().statusCode(200);
    }
}
