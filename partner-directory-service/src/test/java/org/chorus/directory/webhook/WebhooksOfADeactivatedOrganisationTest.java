package org.chorus.directory.webhook;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.chorus.directory.DirectoryFixtures.ADMIN;
import static org.chorus.directory.DirectoryFixtures.organisation;
import static org.chorus.directory.DirectoryFixtures.registerArea;
import static org.chorus.directory.DirectoryFixtures.registerOrganisation;
import static org.chorus.directory.webhook.WebhookResourceTest.subscribe;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.chorus.platform.events.ChorusEvent;
import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.events.contract.ActionData;
import org.chorus.platform.events.contract.FindingData;
import org.chorus.platform.events.contract.WebhookSubscriptionData;
import org.chorus.platform.outbox.Outbox;
import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.platform.testing.EventProbe;
import org.chorus.platform.testing.HeldTransaction;
import org.chorus.platform.testing.StoredRows;
import org.chorus.platform.testing.TestCallers;
import org.chorus.platform.testing.WebhookReceiver;
import org.chorus.platform.web.caller.Scopes;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An organisation deactivated (it has left the partnership) is sent nothing more. Before, its subscriptions stayed
 * active and the fan-out went on delivering events about its records (its survey closing on schedule, an upload it
 * had started finishing, events still on their way) to its receivers; and a fan-out under way as it was deactivated
 * could queue a delivery after the deactivation had given up the waiting ones.
 */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class WebhooksOfADeactivatedOrganisationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Outbox outbox;
    private final FindingWebhooks findingWebhooks;
    private final WebhookSubscriptionRepository subscriptions;
    private final ObjectMapper mapper;

    @Inject
    WebhooksOfADeactivatedOrganisationTest(Outbox outbox, FindingWebhooks findingWebhooks,
            WebhookSubscriptionRepository subscriptions, ObjectMapper mapper) {
        this.outbox = outbox;
        this.findingWebhooks = findingWebhooks;
        this.subscriptions = subscriptions;
        this.mapper = mapper;
    }

    @Test
    void itsSubscriptionsAreDisabledWhatWaitsIsGivenUpAndLaterEventsAreNotSent() {
        UUID leaving = registered("Healthwatch Leaving");
        UUID staying = registered("Healthwatch Staying");
        String leavingKey = TestCallers.bearer(leaving, Scopes.WEBHOOKS_MANAGE);
        try (WebhookReceiver leavingReceiver = WebhookReceiver.start();
                WebhookReceiver stayingReceiver = WebhookReceiver.start()) {
            leavingReceiver.downFor(Integer.MAX_VALUE);
            String findings = subscribe(leavingKey, leavingReceiver.url(), List.of("finding.published"))
                    .statusCode(201).extract().path("subscription.id");
            String actions = subscribe(leavingKey, leavingReceiver.url(), List.of("action.published"))
                    .statusCode(201).extract().path("subscription.id");
            stayingReceiver.verifyWith(subscribe(TestCallers.bearer(staying, Scopes.WEBHOOKS_MANAGE),
                    stayingReceiver.url(), List.of("finding.published")).statusCode(201).extract().path("secret"));
            findingEvent(leaving);
            await().atMost(WAIT).until(() -> leavingReceiver.refused() >= 1);

            deactivate(leaving).statusCode(200);

            for (String subscription : List.of(findings, actions)) {
                given().header("Authorization", leavingKey).when().get("/api/v1/webhooks/" + subscription)
                        .then().statusCode(200).body("status", equalTo("DISABLED"))
                        .body("disabledReason", equalTo("ORGANISATION_DEACTIVATED")).body("version", equalTo(1));
                WebhookSubscriptionData disabled = EventProbe.awaitData(
                        ChorusEventTypes.WEBHOOK_SUBSCRIPTION_DISABLED, subscription, WAIT);
                assertEquals("ORGANISATION_DEACTIVATED", disabled.reason());
            }
            assertEquals(List.of("GIVEN_UP"), deliveryStatuses(findings), "the delivery its receiver had refused");

            String afterwards = findingEvent(leaving);
            String actionAfterwards = actionEvent(leaving);
            String toTheOther = findingEvent(staying);
            await().atMost(WAIT).until(() -> stayingReceiver.accepted().size() == 1 && handled(afterwards)
                    && handled(actionAfterwards));
            assertEquals(toTheOther, stayingReceiver.accepted().get(0).webhookId(), "the fan-out runs for partners");
            assertEquals(List.of("GIVEN_UP"), deliveryStatuses(findings), "nothing queued for the deactivated one");
            assertEquals(List.of(), deliveryStatuses(actions));
        }
    }

    @Test
    void aFindingFannedOutAsItsOrganisationIsDeactivatedIsGivenUpNotSent() throws Exception {
        UUID leaving = registered("Healthwatch Leaving Midway");
        String key = TestCallers.bearer(leaving, Scopes.WEBHOOKS_MANAGE);
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            receiver.downFor(Integer.MAX_VALUE);
            String subscription = subscribe(key, receiver.url(), List.of("finding.published"))
                    .statusCode(201).extract().path("subscription.id");
            ChorusEvent published = publishedFinding(leaving);

            ValidatableResponse deactivated;
            try (HeldTransaction<?> fanOut = HeldTransaction.open(() -> {
                findingWebhooks.receive(findingData(leaving, published.aggregateId()), published);
                return null;
            })) {
                // before, the deactivation did not wait: it committed, and the delivery queued here came after it
                deactivated = fanOut.sendWhileHeld(() -> deactivate(leaving), "webhook_subscription");
            }

            deactivated.statusCode(200);
            assertEquals(List.of("GIVEN_UP"), deliveryStatuses(subscription), "never to be sent");
        }
    }

    /**
     * The fan-out reads who listens and then queues a delivery for each. A deactivation that committed between the
     * two, had the read locked nothing, would find nothing to give up, and the delivery queued after it would be sent.
     */
    @Test
    void aDeactivationWaitsForAFanOutThatHasReadWhoListensButNotYetQueued() throws Exception {
        UUID leaving = registered("Healthwatch Leaving Between");
        subscribe(TestCallers.bearer(leaving, Scopes.WEBHOOKS_MANAGE), "http://127.0.0.1:9/hooks",
                List.of("finding.published")).statusCode(201);

        ValidatableResponse deactivated;
        try (HeldTransaction<?> fanOut = HeldTransaction.open(
                () -> subscriptions.listListening(leaving, WebhookEventType.FINDING_PUBLISHED))) {
            deactivated = fanOut.sendWhileHeld(() -> deactivate(leaving), "webhook_subscription");
        }

        deactivated.statusCode(200);
    }

    private static ValidatableResponse deactivate(UUID organisation) {
        String etag = given().header("Authorization", ADMIN).when().get("/api/v1/organisations/" + organisation)
                .then().statusCode(200).extract().header("ETag");
        return given().header("Authorization", ADMIN).header("If-Match", etag)
                .when().post("/api/v1/organisations/" + organisation + "/deactivate").then();
    }

    /** Every delivery ever queued for the subscription, as stored. */
    private static List<String> deliveryStatuses(String subscription) {
        return StoredRows.column("SELECT status FROM webhook_delivery WHERE subscription_id = ? ORDER BY seq",
                UUID.fromString(subscription));
    }

    /** Whether the directory's inbox has taken the event in, so that whatever it fans out is queued. */
    private static boolean handled(String eventId) {
        return StoredRows.count("SELECT 1 FROM inbox_event WHERE event_id = ?", eventId) == 1;
    }

    /** A finding of the organisation published, through the outbox, Kafka and the directory's inbox. */
    private String findingEvent(UUID organisation) {
        UUID finding = UUID.randomUUID();
        return QuarkusTransaction.requiringNew().call(() -> outbox.record(ChorusEventTypes.FINDING_PUBLISHED,
                finding, findingData(organisation, finding.toString()))).toString();
    }

    /** An action of the organisation published, through the outbox, Kafka and the directory's inbox. */
    private String actionEvent(UUID organisation) {
        UUID action = UUID.randomUUID();
        return QuarkusTransaction.requiringNew().call(() -> outbox.record(ChorusEventTypes.ACTION_PUBLISHED, action,
                new ActionData(action, organisation, List.of(UUID.randomUUID()), "PLANNED", LocalDate.of(2026, 3, 1),
                        true))).toString();
    }

    /** The same event as the inbox hands it to its handler, for the test to run the handler itself. */
    private ChorusEvent publishedFinding(UUID organisation) throws Exception {
        String finding = UUID.randomUUID().toString();
        return new ChorusEvent(UUID.randomUUID().toString(), ChorusEventTypes.FINDING_PUBLISHED.type(),
                "/chorus/insight-service", OffsetDateTime.now(), finding, 1, null,
                mapper.writeValueAsBytes(findingData(organisation, finding)));
    }

    private static FindingData findingData(UUID organisation, String finding) {
        return new FindingData(UUID.fromString(finding), UUID.randomUUID(), organisation, List.of("waiting-times"),
                "CONCERN", 12, List.of("lancashire"), LocalDate.of(2026, 2, 3), true);
    }

    private static UUID registered(String name) {
        return UUID.fromString(registerOrganisation(organisation(name, "HEALTHWATCH",
                List.of(registerArea("leaving")))));
    }
}
