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
 * records nothing is {@link DeliveryLeaseTest}'s, which needs no receiver to wait out.)
 */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class DeleteWhileDeliveringTest {

    /** The send timeout (10 s), with room for a busy machine. */
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Outbox outbox;

    @Inject
    DeleteWhileDeliveringTest(Outbox outbox) {
        this.outbox = outbox;
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
}
