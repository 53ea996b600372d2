package org.chorus.platform.outbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.chorus.platform.events.ChorusEvent;
import org.chorus.platform.testing.EventProbe;
import org.chorus.platform.testsupport.PlatformSchema;
import org.chorus.platform.testsupport.TestEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The relay against a real PostgreSQL and a real Kafka broker: every committed event reaches its topic exactly once
 * (again only where the broker failed a round after taking some of it), none of a rolled-back transaction does, and
 * each aggregate's events arrive in the order of their positions, also when transactions commit in another order than
 * they took positions and when two relays race.
 */
class OutboxDeliveryTest {

    private static final int BATCH = 100;

    private final DataSource dataSource = PlatformSchema.create();
    private final String topic = "outbox-test-" + UUID.randomUUID();
    private final OutboxPublisher publisher = new OutboxPublisher(TestEvents.topics(), TestEvents.CLIENTS,
            "outbox-test");
    private final List<KafkaProducer<String, byte[]>> producers = new ArrayList<>();
    private ExecutorService threads;

    @BeforeEach
    void startThreads() {
        threads = Executors.newCachedThreadPool();
    }

    @AfterEach
    void stopThreads() throws InterruptedException {
        threads.shutdownNow();
        threads.awaitTermination(10, TimeUnit.SECONDS);
        producers.forEach(KafkaProducer::close);
    }

    @Test
    void aLowerPositionThatCommitsWhileAHigherOneIsBeingSentIsSentNextRound() throws Exception {
        Relay relay = relay();
        try (Connection early = openTransaction(); Connection late = openTransaction()) {
            UUID lowerPosition = append(early, "aggregate-a");
            UUID higherPosition = append(late, "aggregate-b");
            late.commit();
            assertTrue(position(early, lowerPosition) < position(late, higherPosition),
                    "the first transaction took the lower position");

            CountDownLatch inFlight = new CountDownLatch(1);
            CountDownLatch lowerCommitted = new CountDownLatch(1);
            Future<Integer> round = heldRound(relay, inFlight, lowerCommitted);
            awaitLatch(inFlight);
            early.commit();
            lowerCommitted.countDown();

            assertEquals(1, round.get(30, TimeUnit.SECONDS), "the round had read only the committed row");
            assertEquals(1, relay.drain(), "the late commit is published by the next round, not marked as sent");
            assertEquals(List.of(higherPosition, lowerPosition), eventIds(topic));
        }
        assertEquals(0, unpublished());
    }

    @Test
    void aRelayWokenWhileAnotherPublishesWaitsForThatRoundAndSendsWhatCommittedMeanwhile() throws Exception {
        Relay publishing = relay();
        Relay woken = relay();
        UUID first = commitOne("aggregate-a");
        CountDownLatch inFlight = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Integer> longRound = heldRound(publishing, inFlight, release);
        awaitLatch(inFlight);
        UUID second = commitOne("aggregate-b");
        Future<Integer> wokenRound = threads.submit(() -> woken.round(woken::send));
        await().atMost(Duration.ofSeconds(10)).until(() -> waitingForTheRelayLock() == 1);
        release.countDown();

        assertEquals(1, longRound.get(30, TimeUnit.SECONDS), "the long round had read only the first event");
        assertEquals(1, wokenRound.get(30, TimeUnit.SECONDS),
                "the woken relay waited for the lock and then sent the event committed meanwhile");
        assertEquals(List.of(first, second), eventIds(topic));
        assertEquals(0, unpublished());
    }

    @Test
    void aRelayLeavesTheWorkToARoundThatHoldsTheLockLongerThanItsWait() throws Exception {
        Relay publishing = relay();
        Relay impatient = new Relay(new OutboxStore(dataSource), publishing.producer, Duration.ofMillis(200));
        UUID only = commitOne("aggregate-a");
        CountDownLatch inFlight = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Integer> stuckRound = heldRound(publishing, inFlight, release);
        awaitLatch(inFlight);

        assertEquals(0, impatient.round(impatient::send), "gave up waiting, without an error");
        release.countDown();
        assertEquals(1, stuckRound.get(30, TimeUnit.SECONDS));
        assertEquals(0, impatient.drain(), "nothing was left over");
        assertEquals(List.of(only), eventIds(topic));
    }

    @Test
    void anAggregatesNextEventWaitsForTheTransactionThatRecordedItsLastOne() throws Exception {
        Relay relay = relay();
        try (Connection first = openTransaction(); Connection second = openTransaction()) {
            UUID firstEvent = append(first, "aggregate-a");
            Future<UUID> secondEvent = threads.submit(() -> append(second, "aggregate-a"));
            await().atMost(Duration.ofSeconds(10)).until(() -> waitingForALock() == 1);
            assertEquals(0, relay.drain(), "nothing is committed, and the second event is not even recorded yet");
            first.commit();
            UUID recorded = secondEvent.get(10, TimeUnit.SECONDS);
            second.commit();
            assertTrue(position(first, firstEvent) < position(second, recorded), "positions follow the order of commits");
            assertEquals(2, relay.drain());
            assertEquals(List.of(firstEvent, recorded), eventIds(topic));
        }
    }

    @Test
    void manyWritersAndTwoRelaysDeliverEveryCommittedEventOnceAndEachAggregateInOrder() throws Exception {
        int writers = 8;
        int transactionsEach = 60;
        Set<UUID> committed = ConcurrentHashMap.newKeySet();
        Set<UUID> rolledBack = ConcurrentHashMap.newKeySet();
        AtomicBoolean writing = new AtomicBoolean(true);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> work = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            work.add(threads.submit(() -> {
                write(transactionsEach, start, committed, rolledBack);
                return null;
            }));
        }
        List<Relay> relays = List.of(relay(), relay());
        List<Future<Integer>> running = relays.stream()
                .map(relay -> threads.submit(() -> relay.runWhile(writing))).toList();
        start.countDown();
        for (Future<?> writer : work) {
            writer.get(120, TimeUnit.SECONDS);
        }
        writing.set(false);
        int sent = 0;
        for (Future<Integer> relay : running) {
            sent += relay.get(90, TimeUnit.SECONDS);
        }

        List<ChorusEvent> delivered = events(topic);
        int unacknowledged = relays.stream().mapToInt(relay -> relay.unacknowledged).sum();
        assertEquals(committed.size(), sent, "the relays together marked each committed event published once");
        assertEquals(committed, ids(delivered), "every committed event is on the topic");
        // Exactly once, unless the broker failed a round after taking some of it; consumers' inboxes drop those again.
        assertTrue(delivered.size() - committed.size() <= unacknowledged, delivered.size() - committed.size()
                + " events are on the topic twice, but only " + unacknowledged + " were sent without acknowledgement");
        assertTrue(rolledBack.stream().noneMatch(ids(delivered)::contains), "no rolled-back event is");
        assertEquals(0, unpublished());
        AggregateOrder.assertEachAggregateInPositionOrder(delivered);
        assertTrue(rolledBack.size() > 0 && committed.size() > writers * transactionsEach / 2, "the race had both");
    }

    private void write(int transactions, CountDownLatch start, Set<UUID> committed, Set<UUID> rolledBack)
            throws Exception {
        awaitLatch(start);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int t = 0; t < transactions; t++) {
            try (Connection connection = openTransaction()) {
                String aggregate = "aggregate-" + random.nextInt(12);
                List<UUID> events = new ArrayList<>();
                for (int e = random.nextInt(1, 4); e > 0; e--) {
                    events.add(append(connection, aggregate));
                }
                doTheRestOfTheTransactionsWork(connection);
                if (random.nextInt(10) == 0) {
                    connection.rollback();
                    rolledBack.addAll(events);
                } else {
                    connection.commit();
                    committed.addAll(events);
                }
            }
        }
    }

    /** A real transaction does more after recording its event (Hibernate flushes at commit): up to 5 ms of it. */
    private static void doTheRestOfTheTransactionsWork(Connection connection) throws SQLException {
        try (PreparedStatement work = connection.prepareStatement("SELECT pg_sleep(random() * 0.005)")) {
            work.execute();
        }
    }

    private Connection openTransaction() throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        return connection;
    }

    private UUID append(Connection connection, String aggregate) throws SQLException {
        UUID id = UUID.randomUUID();
        OutboxStore.append(connection, new PendingEvent(id, topic, aggregate, "chorus.test.Happened.v1", null,
                ("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8)));
        return id;
    }

    private static long position(Connection connection, UUID eventId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT position FROM outbox_event WHERE event_id = ?")) {
            statement.setObject(1, eventId);
            try (ResultSet rs = statement.executeQuery()) {
                assertTrue(rs.next(), "event " + eventId + " is in the outbox");
                return rs.getLong(1);
            }
        }
    }

    private long unpublished() throws SQLException {
        return queryLong("SELECT count(*) FROM outbox_event WHERE published_at IS NULL");
    }

    /** A round that has read its batch and holds it, and the relay lock, until released. */
    private Future<Integer> heldRound(Relay relay, CountDownLatch inFlight, CountDownLatch release) {
        return threads.submit(() -> relay.round(rows -> {
            inFlight.countDown();
            awaitLatch(release);
            return relay.send(rows);
        }));
    }

    private UUID commitOne(String aggregate) throws SQLException {
        try (Connection connection = openTransaction()) {
            UUID id = append(connection, aggregate);
            connection.commit();
            return id;
        }
    }

    /** Relay rounds of this database blocked behind another relay's round. */
    private long waitingForTheRelayLock() throws SQLException {
        return queryLong("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                + "AND query LIKE 'SELECT pg_advisory_xact_lock%'");
    }

    /** Sessions of this schema's database that wait for a lock: an append blocked behind another transaction. */
    private long waitingForALock() throws SQLException {
        return queryLong("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                + "AND query LIKE 'INSERT INTO outbox_event%'");
    }

    private long queryLong(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<ChorusEvent> events(String topic) {
        return EventProbe.all(topic, event -> true);
    }

    /** Event ids in the order they arrived; one aggregate per test here, so one partition and one order. */
    private static List<UUID> eventIds(String topic) {
        return events(topic).stream().map(e -> UUID.fromString(e.id())).toList();
    }

    private static Set<UUID> ids(Collection<ChorusEvent> events) {
        Set<UUID> ids = new HashSet<>();
        events.forEach(e -> ids.add(UUID.fromString(e.id())));
        return ids;
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            assertTrue(latch.await(30, TimeUnit.SECONDS), "timed out waiting for the other side of the race");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Relay relay() {
        return new Relay(new OutboxStore(dataSource), producer("outbox-test-relay"), Duration.ofSeconds(5));
    }

    private KafkaProducer<String, byte[]> producer(String clientId) {
        KafkaProducer<String, byte[]> producer = TestEvents.CLIENTS.producer(clientId);
        synchronized (producers) {
            producers.add(producer);
        }
        return producer;
    }

    /** One relay: the production store and publisher, driven round by round by the test. */
    private final class Relay {

        private final OutboxStore store;
        private final Duration lockWait;
        private KafkaProducer<String, byte[]> producer;
        /** Rows of failed rounds that the broker did not acknowledge: it may have written them all the same. */
        private int unacknowledged;

        Relay(OutboxStore store, KafkaProducer<String, byte[]> producer, Duration lockWait) {
            this.store = store;
            this.producer = producer;
            this.lockWait = lockWait;
        }

        int send(List<OutboxRow> rows) {
            try {
                return publisher.publish(producer, rows);
            } catch (PartialPublishException e) {
                unacknowledged += rows.size() - e.published();
                throw e;
            }
        }

        int round(OutboxRelay.BatchPublisher batchPublisher) {
            return store.publishBatch(BATCH, lockWait, batchPublisher);
        }

        /** Rounds until one finds nothing; returns how many events they sent. */
        int drain() {
            int total = 0;
            for (int sent = round(this::send); sent > 0; sent = round(this::send)) {
                total += sent;
            }
            return total;
        }

        /**
         * Rounds while the writers write, then until the outbox is empty; returns how many events it marked published.
         * A round the broker fails is left to the next one with a fresh producer, as {@link OutboxRelay} does: a
         * producer whose acknowledgements were lost can be stuck resending what the broker already took.
         */
        int runWhile(AtomicBoolean writing) throws SQLException {
            int total = 0;
            while (writing.get() || unpublished() > 0) {
                try {
                    total += round(this::send);
                } catch (PartialPublishException e) {
                    total += e.published();
                    producer = producer("outbox-test-relay");
                }
            }
            return total;
        }
    }
}
