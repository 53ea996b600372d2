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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import org.chorus.localstack.ChorusService;
import org.chorus.localstack.ServiceReplica;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** What a caller sees when parts of the system are down: nothing accepted is lost, and errors are problems. */
@Isolated("stops parts of the shared system")
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
     * by the supervisor, on the same port, and serves every finding it had stored.
     */
    @Test
    void aServiceKilledFromOutsideIsStartedAgainWithEverythingItHadStored() {
        stack().restartFailedParts();
        Owner healthwatch = new Owner(Tenant.register("Healthwatch Blackburn with Darwen"));
        List<OwnedResource> findings = IntStream.range(0, 5).mapToObj(i -> healthwatch.draftFinding()).toList();
        ServiceReplica insight = ServiceReplica.first(ChorusService.INSIGHT);
        long killed = stack().pid(insight);

        String said = supervisorLogWhile(() -> killFromOutside(killed), () -> stack().pid(insight) != killed
                && findings.get(0).owner().get().get(findings.get(0).path()).statusCode() == 200);

        for (OwnedResource finding : findings) {
            finding.owner().get().get(finding.path()).then().statusCode(200).body("id", equalTo(finding.id()));
        }
        healthwatch.draftFinding();
        assertTrue(said.contains("insight-service exited with code 137; restarting it in 1000 ms"), said);
    }

    /** The broker too: once the supervisor has started it again, the events of new work flow once more. */
    @Test
    void aBrokerKilledFromOutsideIsStartedAgainAndEventsFlowOnceMore() {
        stack().restartFailedParts();
        long killed = stack().kafkaPid();

        String said = supervisorLogWhile(() -> killFromOutside(killed),
                () -> stack().kafkaPid() != killed && stack().kafkaPid() != -1);

        // The gateway admits a new key only once the directory's event about it has reached it through the broker.
        String organisation = Directory.registerOrganisation("Healthwatch Lancashire", "HEALTHWATCH");
        String secret = Directory.issueSecretKeyWithoutWaitingForTheGateway(organisation, "insights:read")[1];
        await().atMost(Duration.ofSeconds(60))
                .until(() -> as(secret).get("/api/v1/organisations").statusCode(), equalTo(200));
        assertTrue(said.contains("kafka exited with code 137; restarting it in 1000 ms"), said);
    }

    /**
     * PostgreSQL's postmaster too (its own crash recovery restarts only its server processes): once started again,
     * with crash recovery, the findings stored before are all served, and new ones are stored.
     */
    @Test
    void aPostmasterKilledFromOutsideIsStartedAgainWithEverythingItHadStored() throws SQLException {
        stack().restartFailedParts();
        Owner healthwatch = new Owner(Tenant.register("Healthwatch Blackpool"));
        List<OwnedResource> findings = IntStream.range(0, 5).mapToObj(i -> healthwatch.draftFinding()).toList();
        writeOutTheLog();
        long killed = stack().postgresPid();

        String said = supervisorLogWhile(() -> killFromOutside(killed), () -> stack().postgresPid() != killed
                && stack().postgresPid() != -1
                && findings.get(0).owner().get().get(findings.get(0).path()).statusCode() == 200);

        for (OwnedResource finding : findings) {
            finding.owner().get().get(finding.path()).then().statusCode(200).body("id", equalTo(finding.id()));
        }
        healthwatch.draftFinding();
        assertTrue(said.contains("postgres postmaster ended (pid " + killed + "); restarting it in 1000 ms"), said);
    }

    /**
     * A test stack commits without waiting for its write-ahead log, which PostgreSQL writes out within a fraction of
     * a second; a kill in that fraction would lose what no durable stack loses. A commit that waits writes out all
     * before it.
     */
    private static void writeOutTheLog() throws SQLException {
        try (Connection connection = DriverManager.getConnection(stack().jdbcUrl("insight"), stack().dbUser(),
                stack().dbPassword()); Statement statement = connection.createStatement()) {
            statement.execute("SET synchronous_commit = on");
            connection.setAutoCommit(false);
            statement.execute("CREATE TEMPORARY TABLE written_out (at timestamptz)");
            connection.commit();
        }
    }

    private static void killFromOutside(long pid) {
        assertTrue(ProcessHandle.of(pid).orElseThrow().destroyForcibly());
    }

    /**
     * Runs the fault and waits until the system has recovered from it. What the supervisor says meanwhile, which
     * `./chorus up` writes to its log, is returned to the test rather than printed in a green build.
     */
    private static String supervisorLogWhile(Runnable fault, Callable<Boolean> recovered) {
        ByteArrayOutputStream supervisorLog = new ByteArrayOutputStream();
        PrintStream console = System.out;
        System.setOut(new PrintStream(supervisorLog, true, StandardCharsets.UTF_8));
        try {
            fault.run();
            await().atMost(Duration.ofSeconds(120)).until(recovered);
        } finally {
            System.setOut(console);
        }
        return supervisorLog.toString(StandardCharsets.UTF_8);
    }
}
