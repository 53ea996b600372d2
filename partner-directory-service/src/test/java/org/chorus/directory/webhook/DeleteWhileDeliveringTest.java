package org.chorus.directory.webhook;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.chorus.directory.webhook.SilentReceiverTest.bearer;
import static org.chorus.directory.webhook.SilentReceiverTest.findingPublished;
import static org.chorus.directory.webhook.SilentReceiverTest.registered;
import static org.chorus.directory.webhook.WebhookResourceTest.subscribe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.chorus.directory.webhook.SilentReceiverTest.SilentReceiver;
import org.chorus.platform.outbox.Outbox;
import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.platform.testing.HeldTransaction;
import org.chorus.platform.testing.WebhookReceiver;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
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
    private final EntityManager entityManager;

    @Inject
    DeleteWhileDeliveringTest(Outbox outbox, EntityManager entityManager) {
        this.outbox = outbox;
        this.entityManager = entityManager;
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
     * The DELETE locks the subscription, then deletes its deliveries. A transaction of the test's takes the DELETE's
     * first lock and holds it while the sender records a refused attempt: the record must wait for the subscription
     * before it locks the delivery, or a DELETE would wait for the delivery while the record waits for the
     * subscription, a deadlock PostgreSQL breaks by failing one of them (the DELETE answered 503).
     */
    @Test
    void anAnswerIsRecordedLockingTheSubscriptionFirstAsADeleteDoes() throws Exception {
        UUID organisation = registered("Healthwatch Leaving Mid-Record");
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            receiver.downFor(1);
            UUID subscription = UUID.fromString(subscribe(bearer(organisation), receiver.url(),
                    List.of("finding.published")).statusCode(201).extract().path("subscription.id"));
            // FOR NO KEY UPDATE, not the DELETE's FOR UPDATE: the fan-out must still queue the delivery
            try (HeldTransaction<?> delete = HeldTransaction.open(() -> entityManager.createNativeQuery(
                    "SELECT 1 FROM webhook_subscription WHERE id = ?1 FOR NO KEY UPDATE")
                    .setParameter(1, subscription).getResultList())) {
                findingPublished(outbox, organisation);
                await().atMost(WAIT).until(() -> receiver.refused() == 1);
                delete.awaitBlocked("webhook_subscription");

                assertEquals(1, QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                        "SELECT 1 FROM webhook_delivery WHERE subscription_id = ?1 FOR UPDATE NOWAIT")
                        .setParameter(1, subscription).getResultList().size()),
                        "the waiting record holds no lock on the delivery");
                delete.commit();
            }
            given().header("Authorization", bearer(organisation)).header("If-Match", "\"0\"")
                    .when().delete("/api/v1/webhooks/" + subscription).then().statusCode(204);
        }
    }
}
