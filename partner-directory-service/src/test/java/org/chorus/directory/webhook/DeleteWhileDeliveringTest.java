package org.chorus.directory.webhook;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.chorus.directory.webhook.SilentReceiverTest.bearer;
import static org.chorus.directory.webhook.SilentReceiverTest.findingPublished;
import static org.chorus.directory.webhook.SilentReceiverTest.registered;
import static org.chorus.directory.webhook.WebhookResourceTest.subscribe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.chorus.directory.webhook.SilentReceiverTest.SilentReceiver;
import org.chorus.platform.outbox.Outbox;
import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.platform.testing.WebhookReceiver;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A partner deletes its subscription while a delivery to it is being posted and its receiver has not answered. The
 * delivery used to stay locked by the sender's transaction for as long as the post, up to the send timeout, so the
 * DELETE waited for the attempt to give up (or deadlocked with the sender recording it). Now it is answered while the
 * receiver still holds the request, and another partner's delivery goes meanwhile. (That the attempt's late answer
 * records nothing is {@link DeliveryLeaseTest}'s, which needs no receiver to wait out.) A DELETE that comes as the
 * answer is being recorded waits for the record rather than deadlocking with it.
 */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class DeleteWhileDeliveringTest {

    /** The send timeout (10 s), with room for a busy machine. */
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Outbox outbox;
    private final DataSource dataSource;

    @Inject
    DeleteWhileDeliveringTest(Outbox outbox, DataSource dataSource) {
        this.outbox = outbox;
        this.dataSource = dataSource;
    }

    @Test
    void aSubscriptionDeletedDuringAPostIsDeletedWithoutWaitingForTheReceiver() throws Exception {
        UUID leaving = registered("Healthwatch Leaving Webhooks");
        UUID staying = registered("Healthwatch Staying");
        try (SilentReceiver silent = new SilentReceiver(); WebhookReceiver receiver = WebhookReceiver.start()) {
            String subscription = subscribe(bearer(leaving), silent.url(), List.of("finding.published"))
                    .statusCode(201).extract().path("subscription.id");
            receiver.verifyWith(subscribe(bearer(staying), receiver.url(), List.of("finding.published"))
                    .statusCode(201).extract().path("secret"));
            findingPublished(outbox, leaving);
            // The first attempt finds the connection closed without an answer; the retry is the one left hanging.
            await().atMost(WAIT).until(() -> silent.connections() >= 2 && silent.holding());

            given().header("Authorization", bearer(leaving)).header("If-Match", "\"0\"")
                    .when().delete("/api/v1/webhooks/" + subscription).then().statusCode(204);

            assertTrue(silent.holding(), "deleted while the attempt still waited for the receiver's answer");
            given().header("Authorization", bearer(leaving)).when().get("/api/v1/webhooks/" + subscription)
                    .then().statusCode(404);
            String expected = findingPublished(outbox, staying);
            await().atMost(WAIT).until(() -> receiver.accepted().size() == 1);
            assertEquals(expected, receiver.accepted().get(0).webhookId());
        }
    }

    /**
     * The DELETE locks the subscription, then deletes its deliveries. A transaction of the test's does the same, in two
     * steps, with the sender's record of a refused attempt in between: the record must wait for the subscription
     * before it locks the delivery, or the DELETE, waiting for the delivery, and the record, waiting for the
     * subscription, deadlock, and PostgreSQL fails one of them (the DELETE answered 503).
     */
    @Test
    void anAnswerRecordedAsTheSubscriptionIsDeletedWaitsForTheDeleteInsteadOfDeadlockingWithIt() throws Exception {
        UUID organisation = registered("Healthwatch Leaving Mid-Record");
        try (WebhookReceiver receiver = WebhookReceiver.start(); Connection delete = dataSource.getConnection();
                Connection onlooker = dataSource.getConnection()) {
            receiver.downFor(1);
            UUID subscription = UUID.fromString(subscribe(bearer(organisation), receiver.url(),
                    List.of("finding.published")).statusCode(201).extract().path("subscription.id"));
            delete.setAutoCommit(false);
            // as WebhookService.delete's first step, but leaving the fan-out free to queue deliveries
            rows(delete, "SELECT 1 FROM webhook_subscription WHERE id = ? FOR NO KEY UPDATE", subscription);
            int deletingBackend = backend(delete);

            findingPublished(outbox, organisation);
            await().atMost(WAIT).until(() -> receiver.refused() == 1);
            await().atMost(WAIT).until(() -> waitingFor(onlooker, deletingBackend) == 1);

            assertEquals(1, rows(onlooker, "SELECT 1 FROM webhook_delivery WHERE subscription_id = ? "
                    + "FOR UPDATE NOWAIT", subscription), "the waiting record holds no lock on the delivery");
            assertEquals(1, rows(delete, "DELETE FROM webhook_subscription WHERE id = ?", subscription));
            delete.commit();
            await().atMost(WAIT).until(() -> waitingFor(onlooker, deletingBackend) == 0);
            assertEquals(0, rows(onlooker, "SELECT 1 FROM webhook_delivery WHERE subscription_id = ?",
                    subscription));
        }
    }

    /** Runs a statement about one subscription; the rows it changed, or found. */
    private static int rows(Connection connection, String sql, UUID subscription) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, subscription);
            if (!statement.execute()) {
                return statement.getUpdateCount();
            }
            int rows = 0;
            try (ResultSet found = statement.getResultSet()) {
                while (found.next()) {
                    rows++;
                }
            }
            return rows;
        }
    }

    private static int backend(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_backend_pid()");
                ResultSet found = statement.executeQuery()) {
            found.next();
            return found.getInt(1);
        }
    }

    /** How many sessions wait for a lock the given backend holds. */
    private static int waitingFor(Connection connection, int backend) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE ? = ANY(pg_blocking_pids(pid))")) {
            statement.setInt(1, backend);
            try (ResultSet found = statement.executeQuery()) {
                found.next();
                return found.getInt(1);
            }
        }
    }
}
