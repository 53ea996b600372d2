package org.chorus.directory.webhook;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.chorus.directory.DirectoryFixtures.organisation;
import static org.chorus.directory.DirectoryFixtures.registerArea;
import static org.chorus.directory.DirectoryFixtures.registerOrganisation;
import static org.chorus.directory.webhook.WebhookResourceTest.subscribe;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.events.contract.ActionData;
import org.chorus.platform.events.contract.FindingData;
import org.chorus.platform.events.contract.UploadData;
import org.chorus.platform.events.contract.WebhookSubscriptionData;
import org.chorus.platform.outbox.Outbox;
import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.platform.testing.EventProbe;
import org.chorus.platform.testing.TestCallers;
import org.chorus.platform.testing.WebhookReceiver;
import org.chorus.platform.web.caller.Scopes;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Findings published and withdrawn (real events through Kafka and the inbox) reach a subscribed receiver signed,
 * in order, each once, after the receiver was down; a receiver that stays down gets its subscription disabled.
 * Every delivery is verified with the Standard Webhooks reference library.
 */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class WebhookDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Outbox outbox;

    @Test
    void aReceiverThatWasDownGetsEveryEventAfterwardsInOrderEachOnce() {
        UUID organisation = registered();
        String key = TestCallers.bearer(organisation, Scopes.WEBHOOKS_MANAGE);
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            receiver.downFor(3);
            JsonPath created = subscribe(key, receiver.url(), List.of("finding.published", "finding.withdrawn"))
                    .statusCode(201).extract().jsonPath();
            String secret = created.getString("secret");
            String subscription = created.getString("subscription.id");
            receiver.verifyWith(secret);

            UUID finding = UUID.randomUUID();
            List<String> sent = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                sent.add(findingEvent(organisation, finding, i % 2 == 0));
            }
            findingEvent(registered(), UUID.randomUUID(), true);

            await().atMost(WAIT).until(() -> receiver.accepted().size() >= 5);
            List<String> received = receiver.accepted().stream().map(WebhookReceiver.Delivery::webhookId).toList();
            assertEquals(sent, received);
            assertEquals(3, receiver.refused());
            assertTrue(receiver.unverified().isEmpty());

            JsonPath log = given().header("Authorization", key)
                    .when().get("/api/v1/webhooks/" + subscription + "/deliveries")
                    .then().statusCode(200).extract().jsonPath();
            assertEquals(List.of("DELIVERED", "DELIVERED", "DELIVERED", "DELIVERED", "DELIVERED"),
                    log.getList("items.status"));
            assertEquals(List.of(1, 1, 1, 1, 4), log.getList("items.attempts"));
            assertEquals(List.of(204, 204, 204, 204, 204), log.getList("items.lastStatusCode"));

            WebhookReceiver.Delivery first = receiver.accepted().get(0);
            JsonPath payload = JsonPath.from(first.body());
            assertEquals("finding.published", payload.getString("type"));
            assertEquals("https://chorus.example.org/api/v1/findings/" + finding, payload.getString("data.link"),
                    "under the public address, followed as it is");
            assertEquals(List.of("findingId", "activityId", "organisationId", "link"),
                    new ArrayList<>(payload.getMap("data").keySet()));
            assertFalse(WebhookReceiver.verifies(secret, first, first.body().replace("published", "withdrawn")));
        }
    }

    @Test
    void aRedeliveryArrivesAgainWithTheSameIdAndBothSecretsSignAfterARotation() {
        UUID organisation = registered();
        String key = TestCallers.bearer(organisation, Scopes.WEBHOOKS_MANAGE);
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            JsonPath created = subscribe(key, receiver.url(), List.of("finding.published"))
                    .statusCode(201).extract().jsonPath();
            String oldSecret = created.getString("secret");
            String subscription = created.getString("subscription.id");
            receiver.verifyWith(oldSecret);
            String eventId = findingEvent(organisation, UUID.randomUUID(), true);
            await().atMost(WAIT).until(() -> receiver.accepted().size() == 1);

            String newSecret = given().header("Authorization", key).header("If-Match", "\"0\"")
                    .when().post("/api/v1/webhooks/" + subscription + "/rotate-secret")
                    .then().statusCode(200).extract().path("secret");
            String delivery = given().header("Authorization", key)
                    .when().get("/api/v1/webhooks/" + subscription + "/deliveries")
                    .then().statusCode(200).extract().path("items[0].id");
            given().header("Authorization", key)
                    .when().post("/api/v1/webhooks/" + subscription + "/deliveries/" + delivery + "/redeliver")
                    .then().statusCode(202);

            await().atMost(WAIT).until(() -> receiver.accepted().size() == 2);
            WebhookReceiver.Delivery again = receiver.accepted().get(1);
            assertEquals(eventId, again.webhookId());
            assertEquals(2, again.signature().split(" ").length);
            assertTrue(WebhookReceiver.verifies(oldSecret, again, again.body()));
            assertTrue(WebhookReceiver.verifies(newSecret, again, again.body()));
            given().header("Authorization", key).when().get("/api/v1/webhooks/" + subscription + "/deliveries")
                    .then().body("items[0].attempts", equalTo(2)).body("items[0].status", equalTo("DELIVERED"));
        }
    }

    @Test
    void aSubscriptionWhoseReceiverStaysDownIsDisabledAndAnEventSaysSo() {
        UUID organisation = registered();
        String key = TestCallers.bearer(organisation, Scopes.WEBHOOKS_MANAGE);
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            receiver.downFor(Integer.MAX_VALUE);
            JsonPath created = subscribe(key, receiver.url(), List.of("finding.published"))
                    .statusCode(201).extract().jsonPath();
            String subscription = created.getString("subscription.id");
            findingEvent(organisation, UUID.randomUUID(), true);

            WebhookSubscriptionData disabled = EventProbe.awaitData(ChorusEventTypes.WEBHOOK_SUBSCRIPTION_DISABLED,
                    subscription, WAIT);
            assertEquals("FAILING", disabled.reason());
            assertEquals(4, disabled.consecutiveFailures());
            given().header("Authorization", key).when().get("/api/v1/webhooks/" + subscription)
                    .then().statusCode(200).body("status", equalTo("DISABLED"))
                    .body("disabledReason", equalTo("FAILING"));
            JsonPath log = given().header("Authorization", key)
                    .when().get("/api/v1/webhooks/" + subscription + "/deliveries").then().extract().jsonPath();
            assertEquals(List.of("GIVEN_UP"), log.getList("items.status"));
            assertEquals(List.of(503), log.getList("items.lastStatusCode"));
            assertEquals(4, receiver.refused());
            given().header("Authorization", key).when()
                    .post("/api/v1/webhooks/" + subscription + "/deliveries/" + log.getString("items[0].id")
                            + "/redeliver")
                    .then().statusCode(409);
        }
    }

    @Test
    void aFinishedUploadAndAnActionReachOnlySubscriptionsThatAskedForThem() {
        UUID organisation = registered();
        String key = TestCallers.bearer(organisation, Scopes.WEBHOOKS_MANAGE);
        try (WebhookReceiver uploads = WebhookReceiver.start(); WebhookReceiver actions = WebhookReceiver.start()) {
            uploads.verifyWith(subscribe(key, uploads.url(), List.of("upload.finished")).statusCode(201)
                    .extract().path("secret"));
            actions.verifyWith(subscribe(key, actions.url(), List.of("action.status-changed")).statusCode(201)
                    .extract().path("secret"));
            UUID upload = UUID.randomUUID();
            UUID action = UUID.randomUUID();
            QuarkusTransaction.requiringNew().run(() -> {
                outbox.record(ChorusEventTypes.UPLOAD_FINISHED, upload, new UploadData(upload, organisation,
                        "KEEP_VALID", 8, 4, 0, 0, 4, 0, Instant.parse("2026-03-02T10:15:30Z")));
                outbox.record(ChorusEventTypes.ACTION_STATUS_CHANGED, action, new ActionData(action, organisation,
                        List.of(UUID.randomUUID()), "DONE", LocalDate.of(2026, 3, 1), true));
            });

            await().atMost(WAIT).until(() -> uploads.accepted().size() == 1 && actions.accepted().size() == 1);
            JsonPath uploaded = JsonPath.from(uploads.accepted().get(0).body());
            assertEquals("upload.finished", uploaded.getString("type"));
            assertEquals("https://chorus.example.org/api/v1/uploads/" + upload, uploaded.getString("data.link"));
            assertEquals(4, uploaded.getInt("data.rejectedRows"));
            JsonPath changed = JsonPath.from(actions.accepted().get(0).body());
            assertEquals("action.status-changed", changed.getString("type"));
            assertEquals("DONE", changed.getString("data.status"));
            assertEquals("https://chorus.example.org/api/v1/actions/" + action, changed.getString("data.link"));
        }
    }

    private String findingEvent(UUID organisation, UUID finding, boolean published) {
        var type = published ? ChorusEventTypes.FINDING_PUBLISHED : ChorusEventTypes.FINDING_WITHDRAWN;
        FindingData data = new FindingData(finding, UUID.randomUUID(), organisation, List.of("waiting-times"),
                "CONCERN", 12, List.of("lancashire"), LocalDate.of(2026, 2, 3), published);
        return QuarkusTransaction.requiringNew().call(() -> outbox.record(type, finding, data)).toString();
    }

    private static UUID registered() {
        return UUID.fromString(registerOrganisation(organisation("Healthwatch Deliveries", "HEALTHWATCH",
                List.of(registerArea("deliveries")))));
    }
}
