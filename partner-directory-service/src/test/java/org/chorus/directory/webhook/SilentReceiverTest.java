package org.chorus.directory.webhook;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.chorus.directory.DirectoryFixtures.organisation;
import static org.chorus.directory.DirectoryFixtures.registerArea;
import static org.chorus.directory.DirectoryFixtures.registerOrganisation;
import static org.chorus.directory.webhook.WebhookResourceTest.subscribe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.events.contract.FindingData;
import org.chorus.platform.outbox.Outbox;
import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.platform.testing.TestCallers;
import org.chorus.platform.testing.WebhookReceiver;
import org.chorus.platform.web.caller.Scopes;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A receiver that never answers holds up only itself: its retries wait out the send timeout in a lane of their own,
 * and another organisation's receiver, which answers, gets its delivery meanwhile rather than after the timeout. A
 * subscription whose deliveries pass through both lanes still gets them in order, each once.
 */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class SilentReceiverTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Outbox outbox;

    @Test
    void anAnsweringReceiverIsServedWhileASilentReceiversRetryHangs() throws IOException {
        UUID quiet = registered("Healthwatch Quiet");
        UUID answering = registered("Healthwatch Answering");
        try (SilentReceiver silent = new SilentReceiver(); WebhookReceiver receiver = WebhookReceiver.start()) {
            subscribe(bearer(quiet), silent.url(), List.of("finding.published")).statusCode(201);
            receiver.verifyWith(subscribe(bearer(answering), receiver.url(), List.of("finding.published"))
                    .statusCode(201).extract().path("secret"));

            findingPublished(quiet);
            // The first attempt finds the connection closed without an answer; the retry is the one left hanging.
            await().atMost(WAIT).until(() -> silent.connections() >= 2 && silent.holding());
            String expected = findingPublished(answering);

            await().atMost(WAIT).until(() -> receiver.accepted().size() == 1);
            assertEquals(expected, receiver.accepted().get(0).webhookId());
            assertTrue(silent.holding(), "delivered only once the silent receiver's retry had timed out");
        }
    }

    @Test
    void aSubscriptionsDeliveriesKeepTheirOrderEachOnceAcrossTheLanes() {
        UUID organisation = registered("Healthwatch Gone Quiet");
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            receiver.goneFor(2);
            JsonPath created = subscribe(bearer(organisation), receiver.url(), List.of("finding.published"))
                    .statusCode(201).extract().jsonPath();
            receiver.verifyWith(created.getString("secret"));
            List<String> sent = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                sent.add(findingPublished(organisation));
            }

            // The first delivery's retries go through the silent lane; the four behind it wait for it there.
            await().atMost(WAIT).until(() -> receiver.accepted().size() >= 5);
            List<String> received = receiver.accepted().stream().map(WebhookReceiver.Delivery::webhookId).toList();
            assertEquals(5, received.size());
            assertEquals(Set.copyOf(sent), Set.copyOf(received), "each event once");
            assertEquals(2, receiver.dropped());
            assertTrue(receiver.unverified().isEmpty());
            JsonPath log = given().header("Authorization", bearer(organisation))
                    .when().get("/api/v1/webhooks/" + created.getString("subscription.id") + "/deliveries")
                    .then().statusCode(200).extract().jsonPath();
            List<String> queued = new ArrayList<>(log.getList("items.webhookId", String.class));
            Collections.reverse(queued);
            assertEquals(queued, received, "in the order they were queued (the log lists the last queued first)");
            assertEquals(List.of("DELIVERED", "DELIVERED", "DELIVERED", "DELIVERED", "DELIVERED"),
                    log.getList("items.status"));
            assertEquals(List.of(1, 1, 1, 1, 3), log.getList("items.attempts"));
        }
    }

    String findingPublished(UUID organisation) {
        return findingPublished(outbox, organisation);
    }

    /** A finding of the organisation published, as insight-service announces it; returns the event's id. */
    static String findingPublished(Outbox outbox, UUID organisation) {
        UUID finding = UUID.randomUUID();
        FindingData data = new FindingData(finding, UUID.randomUUID(), organisation, List.of("waiting-times"),
                "CONCERN", 12, List.of("lancashire"), LocalDate.of(2026, 2, 3), true);
        return QuarkusTransaction.requiringNew()
                .call(() -> outbox.record(ChorusEventTypes.FINDING_PUBLISHED, finding, data)).toString();
    }

    static UUID registered(String name) {
        return UUID.fromString(registerOrganisation(organisation(name, "HEALTHWATCH",
                List.of(registerArea("silent")))));
    }

    static String bearer(UUID organisation) {
        return TestCallers.bearer(organisation, Scopes.WEBHOOKS_MANAGE);
    }

    /**
     * Closes its first connection without a word, then accepts connections and never answers them, keeping each
     * open until the sender gives up on it.
     */
    static final class SilentReceiver implements AutoCloseable {

        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final AtomicInteger connections = new AtomicInteger();
        private final AtomicInteger open = new AtomicInteger();
        private final List<Socket> held = new CopyOnWriteArrayList<>();

        SilentReceiver() throws IOException {
            daemon(this::accept);
        }

        String url() {
            return "http://127.0.0.1:" + server.getLocalPort() + "/hooks";
        }

        int connections() {
            return connections.get();
        }

        /** Whether a connection is still open that the sender has not given up on. */
        boolean holding() {
            return open.get() > 0;
        }

        private static void daemon(Runnable work) {
            Thread thread = new Thread(work, "silent-receiver");
            thread.setDaemon(true);
            thread.start();
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    if (connections.incrementAndGet() == 1) {
                        socket.close();
                    } else {
                        held.add(socket);
                        open.incrementAndGet();
                        daemon(() -> readUntilClosed(socket));
                    }
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void readUntilClosed(Socket socket) {
            try (InputStream in = socket.getInputStream()) {
                while (in.read() != -1) {
                    // the request is read and never answered
                }
            } catch (IOException e) {
                // closed by either side
            } finally {
                open.decrementAndGet();
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket socket : held) {
                socket.close();
            }
        }
    }
}
