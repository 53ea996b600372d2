package org.chorus.e2e;

import static org.awaitility.Awaitility.await;
import static org.chorus.e2e.SystemUnderTest.admin;
import static org.chorus.e2e.SystemUnderTest.as;
import static org.chorus.e2e.SystemUnderTest.stack;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.chorus.localstack.ChorusService;
import org.chorus.localstack.ServiceReplica;
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

    /**
     * Under `./chorus up`, a service killed from outside (the kernel's OOM killer, a stray kill -9) is started again
     * by the supervisor, on the same port, and serves every finding it had stored. What the supervisor says of it,
     * in its log under `./chorus up`, is kept for the test rather than printed in a green build.
     */
    @Test
    void aServiceKilledFromOutsideIsStartedAgainWithEverythingItHadStored() {
        stack().restartFailedServices();
        Owner healthwatch = new Owner(Tenant.register("Healthwatch Blackburn with Darwen"));
        List<OwnedResource> findings = IntStream.range(0, 5).mapToObj(i -> healthwatch.draftFinding()).toList();
        ServiceReplica insight = ServiceReplica.first(ChorusService.INSIGHT);
        long killed = stack().pid(insight);
        ByteArrayOutputStream supervisorLog = new ByteArrayOutputStream();
        PrintStream console = System.out;
        System.setOut(new PrintStream(supervisorLog, true, StandardCharsets.UTF_8));
        try {
            assertTrue(ProcessHandle.of(killed).orElseThrow().destroyForcibly());
            await().atMost(Duration.ofSeconds(120)).until(() -> stack().pid(insight) != killed
                    && findings.get(0).owner().get().get(findings.get(0).path()).statusCode() == 200);
        } finally {
            System.setOut(console);
        }

        for (OwnedResource finding : findings) {
            finding.owner().get().get(finding.path()).then().statusCode(200).body("id", equalTo(finding.id()));
        }
        healthwatch.draftFinding();
        String said = supervisorLog.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("insight-service exited with code 137; restarting it in 1000 ms"), said);
    }
}
