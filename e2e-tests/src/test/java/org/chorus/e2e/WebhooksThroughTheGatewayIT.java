package org.chorus.e2e;

import static org.awaitility.Awaitility.await;
import static org.chorus.e2e.Scopes.INSIGHTS_WRITE;
import static org.chorus.e2e.Scopes.WEBHOOKS_MANAGE;
import static org.chorus.e2e.SystemUnderTest.stack;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.chorus.platform.testing.WebhookReceiver;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * A partner's receiver hears of an organisation's findings through the gateway, each delivery verified with the
 * Standard Webhooks reference library, never with Chorus's own code.
 */
class WebhooksThroughTheGatewayIT {

    @Test
    void aReceiverThatWasDownGetsEveryEventAfterwardsInOrderEachOnce() {
        Tenant healthwatch = Tenant.register("Healthwatch Webhooks");
        Owner owner = new Owner(healthwatch);
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            receiver.downFor(2);
            JsonPath created = subscribe(healthwatch, receiver.url()).statusCode(201).extract().jsonPath();
            String secret = created.getString("secret");
            String subscription = created.getString("subscription.id");
            receiver.verifyWith(secret);

            String first = owner.publishedFinding().id();
            healthwatch.with(INSIGHTS_WRITE).post("/api/v1/findings/" + first + "/withdraw").then().statusCode(200);
            String second = owner.publishedFinding().id();
            List<String> expected = List.of("finding.published " + first, "finding.withdrawn " + first,
                    "finding.published " + second);

            await().atMost(Duration.ofSeconds(90)).until(() -> receiver.accepted().size() >= expected.size());
            List<WebhookReceiver.Delivery> accepted = receiver.accepted();
            List<String> received = accepted.stream().map(WebhooksThroughTheGatewayIT::describe).toList();
            assertEquals(expected.stream().sorted().toList(), received.stream().sorted().toList());
            assertTrue(received.indexOf(expected.get(0)) < received.indexOf(expected.get(1)), received.toString());
            assertEquals(2, receiver.refused());
            assertTrue(receiver.unverified().isEmpty());

            // The receiver has its 2xx before the sender records the delivery, so the log catches up a moment later.
            String deliveries = "/api/v1/webhooks/" + subscription + "/deliveries";
            await().atMost(Duration.ofSeconds(30)).until(() -> healthwatch.with(WEBHOOKS_MANAGE).get(deliveries)
                    .then().statusCode(200).extract().jsonPath().getList("items.status").stream()
                    .allMatch("DELIVERED"::equals));
            JsonPath log = healthwatch.with(WEBHOOKS_MANAGE).get(deliveries).then().statusCode(200).extract().jsonPath();
            List<String> queued = new ArrayList<>(log.getList("items.webhookId", String.class));
            Collections.reverse(queued);
            assertEquals(accepted.stream().map(WebhookReceiver.Delivery::webhookId).toList(), queued);
            assertEquals(List.of("DELIVERED", "DELIVERED", "DELIVERED"), log.getList("items.status"));
            assertEquals(3 + 2, log.getList("items.attempts", Integer.class).stream().mapToInt(i -> i).sum());
            assertEquals(3, receiver.accepted().size());

            JsonPath payload = JsonPath.from(accepted.get(0).body());
            String link = payload.getString("data.link");
            assertTrue(link.startsWith(stack().gatewayUrl() + "/api/v1/"), link);
            healthwatch.with(INSIGHTS_WRITE).get(link).then().statusCode(200);
        }
    }

    @Test
    void aTamperedBodyFailsTheReferenceLibrarysVerification() {
        Tenant healthwatch = Tenant.register("Healthwatch Tampering");
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String secret = subscribe(healthwatch, receiver.url()).statusCode(201).extract().path("secret");
            receiver.verifyWith(secret);
            String finding = new Owner(healthwatch).publishedFinding().id();
            await().atMost(Duration.ofSeconds(60)).until(() -> receiver.accepted().size() == 1);

            WebhookReceiver.Delivery delivery = receiver.accepted().get(0);
            assertTrue(WebhookReceiver.verifies(secret, delivery, delivery.body()));
            String tampered = delivery.body().replace(finding, java.util.UUID.randomUUID().toString());
            assertFalse(WebhookReceiver.verifies(secret, delivery, tampered));
            assertFalse(WebhookReceiver.verifies(secret, delivery, delivery.body() + " "));
        }
    }

    @Test
    void aTargetOnAPrivateNetworkIsRefusedWith422NamingTheUrl() {
        Tenant partner = Tenant.register("Partner SSRF");
        for (String url : List.of("https://169.254.169.254/latest/meta-data/", "https://10.0.0.1/hooks",
                "https://192.168.1.10/hooks", "https://[fd00::1]/hooks", "http://93.184.215.14/hooks")) {
            subscribe(partner, url).statusCode(422).contentType("application/problem+json")
                    .body("errors[0].pointer", equalTo("/url"));
        }
        partner.with(WEBHOOKS_MANAGE).get("/api/v1/webhooks").then().statusCode(200).body("items.size()", equalTo(0));
    }

    private static ValidatableResponse subscribe(Tenant tenant, String url) {
        return tenant.with(WEBHOOKS_MANAGE).contentType(ContentType.JSON)
                .body(Map.of("url", url, "eventTypes", List.of("finding.published", "finding.withdrawn")))
                .post("/api/v1/webhooks").then();
    }

    private static String describe(WebhookReceiver.Delivery delivery) {
        JsonPath payload = JsonPath.from(delivery.body());
        return payload.getString("type") + " " + payload.getString("data.findingId");
    }
}
