package org.chorus.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.chorus.platform.events.ChorusEvent;
import org.chorus.platform.testing.EventProbe;
import org.chorus.platform.testsupport.TestEvents;
import org.junit.jupiter.api.Test;

/**
 * The relay's first events on topics created a moment before, as a new Chorus installation or a new event's topic
 * starts. A producer with several requests in flight lost the first of them on a quarter of new topics (37 of 150
 * fresh producers): the broker refused its first request while it was still taking the partition on, took the next
 * ones, and then refused the first again as out of sequence until it expired (KAFKA-15591, mended in brokers from
 * Kafka 4.5). Sent again by the next round, those events arrived after their successors.
 */
class NewTopicOrderTest {

    private static final int TOPICS = 20;
    private static final int AGGREGATES = 3;
    private static final int EVENTS_EACH = 60;
    /**
     * Random text, which compression cannot shrink: a round's events then fill several batches of the producer and
     * take several requests, as a busy relay's do.
     */
    private static final int DATA_BYTES = 2_000;

    private final OutboxPublisher publisher = new OutboxPublisher(TestEvents.topics(), TestEvents.CLIENTS,
            "outbox-test");

    @Test
    void everyEventOnATopicJustCreatedIsAcknowledgedAndArrivesInItsAggregatesOrder() {
        List<String> topics = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = TestEvents.CLIENTS.producer("outbox-test-relay")) {
            for (int t = 0; t < TOPICS; t++) {
                String topic = "new-topic-" + UUID.randomUUID();
                topics.add(topic);
                List<OutboxRow> rows = rows(topic, t);
                try {
                    assertEquals(rows.size(), publisher.publish(producer, rows));
                } catch (PartialPublishException e) {
                    fail("topic " + (t + 1) + " of " + TOPICS + ", created just before: " + e.getMessage(), e);
                }
            }
        }
        List<ChorusEvent> delivered = EventProbe.all(topics, event -> true);
        assertEquals(TOPICS * EVENTS_EACH, delivered.size(), "each event once");
        AggregateOrder.assertEachAggregateInPositionOrder(delivered);
    }

    /** Rows of aggregates of their own topic, so that the order of each can be read from all topics at once. */
    private static List<OutboxRow> rows(String topic, int topicNumber) {
        List<OutboxRow> rows = new ArrayList<>(EVENTS_EACH);
        for (int position = 1; position <= EVENTS_EACH; position++) {
            byte[] data = ("{\"note\":\"" + randomText() + "\"}").getBytes(StandardCharsets.UTF_8);
            String aggregate = "aggregate-" + topicNumber + "-" + position % AGGREGATES;
            rows.add(new OutboxRow(position, UUID.randomUUID().toString(), topic, aggregate, "chorus.test.Happened.v1",
                    OffsetDateTime.now(), null, data));
        }
        return rows;
    }

    private static String randomText() {
        byte[] random = new byte[DATA_BYTES * 3 / 4];
        ThreadLocalRandom.current().nextBytes(random);
        return Base64.getEncoder().encodeToString(random);
    }
}
