package org.chorus.platform.events.consume;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.chorus.platform.events.ChorusEvent;
import org.chorus.platform.events.EventEnvelope;
import org.chorus.platform.events.EventType;
import org.chorus.platform.testsupport.TestEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one consumer loop, against a real broker: whole-topic replicas catch up and count every event once, several
 * receivers share a type, unknown types are skipped and counted, and a failing record is retried, not lost.
 */
class EventLoopTest {

    /** A contract of the test's own, so that it shares no topic with anything else in the JVM. */
    record Note(String text) {
    }

    private static final LoopTimings FAST = new LoopTimings(Duration.ofMillis(100), Duration.ofSeconds(1),
            Duration.ofMillis(200), Duration.ofSeconds(10));

    private final String topic = "loop-test-" + UUID.randomUUID();
    private final EventType<Note> written = new EventType<>(topic, "chorus.test.NoteWritten.v1", Note.class);
    private final EventType<Note> struck = new EventType<>(topic, "chorus.test.NoteStruck.v1", Note.class);
    private final ObjectMapper mapper = new ObjectMapper();
    private final KafkaProducer<String, byte[]> producer = TestEvents.CLIENTS.producer("loop-test");
    private final List<EventLoop> loops = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        for (EventLoop loop : loops) {
            loop.stop();
        }
        producer.close();
    }

    @Test
    void aWholeTopicReaderCatchesUpWithWhatExistedAndKeepsReading() throws Exception {
        TestEvents.topics().ensure(List.of(topic));
        for (int i = 0; i < 300; i++) {
            publish(written, "aggregate-" + (i % 7), "before " + i);
        }
        List<String> first = Collections.synchronizedList(new ArrayList<>());
        List<String> second = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger skipped = new AtomicInteger();
        EventRouting routing = new EventRouting(mapper, skipped::incrementAndGet)
                .on(written, (note, event) -> first.add(note.text()))
                .on(written, (note, event) -> second.add(note.text()));
        EventLoop loop = start(EventLoop.wholeTopics("loop-test-replica", routing.topics(),
                record -> routing.route(record).deliver(), TestEvents.CLIENTS, TestEvents.topics(), FAST));

        await().atMost(Duration.ofSeconds(30)).until(loop::caughtUp);
        assertTrue(first.size() >= 300, "caught up means every event that existed was applied");
        publish(struck, "aggregate-1", "a type nobody here handles");
        for (int i = 0; i < 200; i++) {
            publish(written, "aggregate-" + (i % 7), "after " + i);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> first.size() == 500);
        assertEquals(first.size(), Set.copyOf(first).size(), "no event applied twice");
        assertEquals(Set.copyOf(first), Set.copyOf(second), "both receivers of the type got every event");
        assertEquals(1, skipped.get(), "the unknown type was skipped and counted");
    }

    @Test
    void aRecordThatFailsIsDeliveredAgainAndTheGroupGoesOnFromThere() throws Exception {
        TestEvents.topics().ensure(List.of(topic));
        List<String> applied = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean failedOnce = new AtomicBoolean();
        EventRouting routing = new EventRouting(mapper, () -> { })
                .on(written, (note, event) -> {
                    if (note.text().equals("note 50") && failedOnce.compareAndSet(false, true)) {
                        throw new IllegalStateException("the database is restarting");
                    }
                    applied.add(note.text());
                });
        String group = "loop-test-" + UUID.randomUUID();
        start(EventLoop.inGroup("loop-test-member", group, routing.topics(),
                records -> records.forEach(record -> routing.route(record).deliver()),
                TestEvents.CLIENTS, TestEvents.topics(), FAST));
        for (int i = 0; i < 100; i++) {
            publish(written, "aggregate", "note " + i);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> applied.contains("note 99"));
        assertTrue(failedOnce.get());
        assertEquals(100, Set.copyOf(applied).size(), "every note applied, the failed one on its redelivery");
        assertEquals(applied.subList(0, 50), applied.stream().distinct().limit(50).toList(), "in order");

        loops.get(0).stop();
        List<String> again = Collections.synchronizedList(new ArrayList<>());
        EventRouting next = new EventRouting(mapper, () -> { }).on(written, (note, event) -> again.add(note.text()));
        start(EventLoop.inGroup("loop-test-member-2", group, next.topics(),
                records -> records.forEach(record -> next.route(record).deliver()),
                TestEvents.CLIENTS, TestEvents.topics(), FAST));
        publish(written, "aggregate", "marker");
        await().atMost(Duration.ofSeconds(30)).until(() -> again.contains("marker"));
        assertEquals(List.of("marker"), again, "the group's committed offsets keep what was applied from coming back");
        assertFalse(again.contains("note 0"));
    }

    /**
     * A group commits at most once per poll timeout, so the last records of a burst are committed by a later poll that
     * may bring none: they must reach the broker while the loop runs, not only when it stops.
     */
    @Test
    void aGroupCommitsTheEndOfABurstWhileItRunsQuietly() throws Exception {
        TestEvents.topics().ensure(List.of(topic));
        LoopTimings slowPolls = new LoopTimings(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofMillis(200),
                Duration.ofSeconds(10));
        AtomicInteger applied = new AtomicInteger();
        EventRouting routing = new EventRouting(mapper, () -> { }).on(written, (note, event) -> applied.incrementAndGet());
        String group = "loop-test-" + UUID.randomUUID();
        start(EventLoop.inGroup("loop-test-burst", group, routing.topics(),
                records -> records.forEach(record -> routing.route(record).deliver()),
                TestEvents.CLIENTS, TestEvents.topics(), slowPolls));
        // The first record is committed at once; the burst that follows within the poll timeout waits for a quiet poll.
        publish(written, "aggregate-0", "first");
        await().atMost(Duration.ofSeconds(30)).until(() -> applied.get() == 1);
        for (int i = 1; i < 200; i++) {
            publish(written, "aggregate-" + (i % 5), "burst " + i);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> applied.get() == 200);
        try (Admin admin = TestEvents.CLIENTS.admin("loop-test-offsets")) {
            await().atMost(Duration.ofSeconds(15)).until(() -> committed(admin, group) == 200);
        }
        assertEquals(200, applied.get(), "each record applied once: nothing failed, so nothing came again");
    }

    private static long committed(Admin admin, String group) throws Exception {
        return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().values().stream()
                .mapToLong(OffsetAndMetadata::offset).sum();
    }

    private EventLoop start(EventLoop loop) {
        loops.add(loop);
        loop.start();
        return loop;
    }

    private void publish(EventType<Note> type, String aggregate, String text) throws Exception {
        ChorusEvent event = new ChorusEvent(UUID.randomUUID().toString(), type.type(), "/chorus/test",
                OffsetDateTime.now(), aggregate, 1, null,
                mapper.writeValueAsString(new Note(text)).getBytes(StandardCharsets.UTF_8));
        ProducerRecord<String, byte[]> record = EventEnvelope.toRecord(topic, event);
        producer.send(record).get();
    }
}
