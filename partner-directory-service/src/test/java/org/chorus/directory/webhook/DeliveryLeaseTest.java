package org.chorus.directory.webhook;

import static io.restassured.RestAssured.given;
import static org.chorus.directory.webhook.SilentReceiverTest.bearer;
import static org.chorus.directory.webhook.SilentReceiverTest.registered;
import static org.chorus.directory.webhook.WebhookResourceTest.subscribe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.platform.testing.StoredRows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A delivery being posted is leased to one sender: no other sender takes it until the lease runs out (as it does
 * when the sender stopped before recording an answer), and an answer is recorded only under the lease it was sent
 * with, while the delivery still waits. The delivery is queued in 2100, so that the service's own sender, which
 * lives in the present, leaves it to the test; what other tests left waiting is leased along with it, and given back.
 */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class DeliveryLeaseTest {

    private static final Instant QUEUED = Instant.parse("2100-01-01T00:00:00Z");
    /** More than every delivery the other tests may have left waiting. */
    private static final int ALL_DUE = 1000;

    private final DeliveryStore deliveries;
    private final DataSource dataSource;
    private final List<UUID> leases = new CopyOnWriteArrayList<>();

    @Inject
    DeliveryLeaseTest(DeliveryStore deliveries, DataSource dataSource) {
        this.deliveries = deliveries;
        this.dataSource = dataSource;
    }

    @AfterEach
    void giveBackOtherTestsDeliveries() throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement release = connection
                .prepareStatement("UPDATE webhook_delivery SET lease_id = NULL, leased_until = NULL "
                        + "WHERE lease_id = ANY(?)")) {
            release.setArray(1, connection.createArrayOf("uuid", leases.toArray()));
            release.executeUpdate();
        }
    }

    @Test
    void aLeasedDeliveryIsTakenOverOnlyOnceItsLeaseRunsOutAndOnlyTheHolderRecordsItsAnswer() {
        UUID organisation = registered("Healthwatch Leases");
        UUID subscription = UUID.fromString(subscribe(bearer(organisation), "http://127.0.0.1:9/hooks",
                List.of("finding.published")).statusCode(201).extract().path("subscription.id"));
        UUID delivery = queued(subscription);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        assertTrue(leased(QUEUED, first, QUEUED.plusSeconds(50)).contains(delivery));
        assertFalse(leased(QUEUED.plusSeconds(49), second, QUEUED.plusSeconds(99)).contains(delivery),
                "no other sender takes a leased delivery");
        assertTrue(leased(QUEUED.plusSeconds(50), second, QUEUED.plusSeconds(100)).contains(delivery),
                "a lease that ran out, as a stopped sender's does, is taken over");

        assertFalse(inTransaction(() -> deliveries.delivered(delivery, first, 200, QUEUED.plusSeconds(60))),
                "the first sender's answer comes after another took the delivery over");
        assertTrue(inTransaction(() -> deliveries.failed(delivery, second, 503, null, QUEUED.plusSeconds(61),
                QUEUED.plusSeconds(200))));
        assertEquals(List.of("PENDING:1:503"), stored(delivery));

        UUID third = UUID.randomUUID();
        assertTrue(leased(QUEUED.plusSeconds(200), third, QUEUED.plusSeconds(250)).contains(delivery));
        given().header("Authorization", bearer(organisation)).header("If-Match", "\"0\"")
                .when().delete("/api/v1/webhooks/" + subscription).then().statusCode(204);
        assertFalse(inTransaction(() -> deliveries.delivered(delivery, third, 200, QUEUED.plusSeconds(201))),
                "an answer that comes after its subscription was deleted");
        assertEquals(List.of(), stored(delivery));
    }

    /**
     * Senders in eight replicas race for 20 subscriptions' due deliveries, two at a time, until none is left due:
     * between them they lease each delivery exactly once. Without the lease's condition in the query, a delivery
     * whose leasing transaction has committed is no longer locked, and is handed out again.
     */
    @Test
    void racingSendersLeaseEachDueDeliveryExactlyOnce() throws Exception {
        UUID organisation = registered("Healthwatch Racing Senders");
        Set<UUID> queued = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            queued.add(queued(UUID.fromString(subscribe(bearer(organisation), "http://127.0.0.1:9/hooks/" + i,
                    List.of("finding.published")).statusCode(201).extract().path("subscription.id"))));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService senders = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<UUID>>> leasedBySender = new ArrayList<>();
            for (int sender = 0; sender < 8; sender++) {
                leasedBySender.add(senders.submit(() -> {
                    start.await();
                    List<UUID> mine = new ArrayList<>();
                    for (int round = 0; round < 40; round++) {
                        List<UUID> leased = leased(QUEUED, UUID.randomUUID(), QUEUED.plusSeconds(50), 2);
                        if (leased.isEmpty()) {
                            break;
                        }
                        leased.stream().filter(queued::contains).forEach(mine::add);
                    }
                    return mine;
                }));
            }
            start.countDown();
            List<UUID> all = new ArrayList<>();
            for (Future<List<UUID>> leased : leasedBySender) {
                all.addAll(leased.get());
            }
            assertEquals(20, all.size(), "leases handed out for the 20 deliveries");
            assertEquals(queued, Set.copyOf(all), "each delivery leased");
        } finally {
            senders.shutdownNow();
        }
    }

    private UUID queued(UUID subscription) {
        String eventId = UUID.randomUUID().toString();
        inTransaction(() -> {
            deliveries.enqueue(subscription, eventId, WebhookEventType.FINDING_PUBLISHED, "{}", QUEUED);
            return null;
        });
        return UUID.fromString(StoredRows.column("SELECT id FROM webhook_delivery WHERE event_id = ?", eventId)
                .get(0));
    }

    private List<UUID> leased(Instant now, UUID lease, Instant until) {
        return leased(now, lease, until, ALL_DUE);
    }

    private List<UUID> leased(Instant now, UUID lease, Instant until, int limit) {
        leases.add(lease);
        return inTransaction(() -> deliveries.leaseDue(SenderLane.ANSWERING, limit, now, lease, until)).stream()
                .map(DeliveryStore.Due::id).toList();
    }

    private static List<String> stored(UUID delivery) {
        return StoredRows.column("SELECT status || ':' || attempts || ':' || last_status_code FROM webhook_delivery "
                + "WHERE id = ?", delivery);
    }

    private static <T> T inTransaction(Supplier<T> work) {
        return QuarkusTransaction.requiringNew().call(work::get);
    }
}
