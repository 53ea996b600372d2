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

import org.chorus.platform.outbox.Outbox;
import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.platform.testing.WebhookReceiver;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A partner whose DNS never answers holds up only its own delivery: another organisation's receiver gets its delivery
 * within the send timeout, once, and the held one is recorded as an attempt that got no answer, to be tried again.
 * The host lookup used to be made on the round's own thread, with no bound: the round, and every delivery due after
 * it, waited for as long as the DNS did.
 */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class SlowLookupTest {

    /** The send timeout (10 s), with room for a busy machine; the lookup is held for five minutes. */
    private static final Duration WITHIN = Duration.ofSeconds(30);

    private final Outbox outbox;

    @Inject
    SlowLookupTest(Outbox outbox) {
        this.outbox = outbox;
    }

    @Test
    void aLookupThatNeverAnswersHoldsUpOnlyItsOwnDelivery() throws Exception {
        UUID farAway = registered("Healthwatch Far Away");
        UUID nearby = registered("Healthwatch Nearby");
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            // made while lookups answer: the subscription's address is checked as it is made
            String unanswered = subscribe(bearer(farAway), "http://receiver" + HeldLookups.DOMAIN + ":9/hooks",
                    List.of("finding.published")).statusCode(201).extract().path("subscription.id");
            receiver.verifyWith(subscribe(bearer(nearby), receiver.url(), List.of("finding.published"))
                    .statusCode(201).extract().path("secret"));
            JsonPath log;
            try (AutoCloseable dnsHeld = HeldLookups.hold()) {
                findingPublished(outbox, farAway);
                await().atMost(WITHIN).until(() -> HeldLookups.waiting() == 1);
                String expected = findingPublished(outbox, nearby);

                await().atMost(WITHIN).until(() -> receiver.accepted().size() == 1);
                assertEquals(expected, receiver.accepted().get(0).webhookId());
                log = await().atMost(WITHIN).until(() -> deliveries(farAway, unanswered),
                        l -> l.getInt("items[0].attempts") >= 1);
                assertTrue(HeldLookups.waiting() >= 1, "delivered while the other partner's lookup still hung");
            }
            assertEquals("PENDING", log.getString("items[0].status"));
            assertTrue(log.getString("items[0].lastError").startsWith("TimeoutException"),
                    log.getString("items[0].lastError"));
            assertEquals(1, receiver.accepted().size(),
                    "the round that delivered it was not rolled back and its delivery sent again");
        }
    }

    private static JsonPath deliveries(UUID organisation, String subscription) {
        return given().header("Authorization", bearer(organisation))
                .when().get("/api/v1/webhooks/" + subscription + "/deliveries")
                .then().statusCode(200).extract().jsonPath();
    }
}
