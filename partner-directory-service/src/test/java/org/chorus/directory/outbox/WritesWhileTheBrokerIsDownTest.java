package org.chorus.directory.outbox;

import static io.restassured.RestAssured.given;
import static org.chorus.directory.DirectoryFixtures.ADMIN;
import static org.chorus.directory.DirectoryFixtures.organisation;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/** With no broker reachable, a registration still succeeds and its event waits safely in the outbox. */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
@TestProfile(WritesWhileTheBrokerIsDownTest.NoBroker.class)
class WritesWhileTheBrokerIsDownTest {

    @Inject
    DataSource dataSource;

    @Test
    void theChangeCommitsAndItsEventWaitsToBePublished() throws Exception {
        String id = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(organisation("Healthwatch Blackburn with Darwen", "HEALTHWATCH", List.of()))
                .when().post("/api/v1/organisations")
                .then().statusCode(201).extract().path("id");

        given().header("Authorization", ADMIN).when().get("/api/v1/organisations/" + id).then().statusCode(200);
        Thread.sleep(1_000); // give the relay rounds in which it tries, and fails, to publish
        assertEquals(List.of("chorus.directory.OrganisationRegistered.v1"), unpublishedEventTypes(id));
    }

    private List<String> unpublishedEventTypes(String aggregateId) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT event_type FROM outbox_event WHERE aggregate_id = ? AND published_at IS NULL")) {
            select.setString(1, aggregateId);
            try (ResultSet rs = select.executeQuery()) {
                var types = new java.util.ArrayList<String>();
                while (rs.next()) {
                    types.add(rs.getString(1));
                }
                return types;
            }
        }
    }

    /** Points the service at a port where nothing listens. */
    public static class NoBroker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("chorus.events.bootstrap-servers", "127.0.0.1:" + unusedPort(),
                    "chorus.events.broker-timeout", "1s");
        }

        private static int unusedPort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
