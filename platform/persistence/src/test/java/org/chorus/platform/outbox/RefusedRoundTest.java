package org.chorus.platform.outbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.chorus.platform.events.ChorusEvent;
import org.chorus.platform.events.EventsConfig;
import org.chorus.platform.events.KafkaClients;
import org.chorus.platform.events.TopicProvisioner;
import org.chorus.platform.testing.EventProbe;
import org.chorus.platform.testing.TestInfrastructure;
import org.chorus.platform.testsupport.TestEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A round the broker keeps refusing ends when the relay stops waiting, not when the producer gives a batch up by
 * itself: a producer that expires a batch goes on sending the batches queued behind it, and once the broker takes
 * writes again those would reach the topic ahead of the expired one, which the next round sends. Here a cluster of two
 * brokers of its own refuses every write as retriable, as while a partition has fewer in-sync replicas than it asks
 * for: its topic asks for two, one broker is stopped, and the test then lowers what the topic asks for to one. (One
 * broker cannot show it: a broker asks for no more in-sync replicas than a partition has.)
 */
class RefusedRoundTest {

    private static final int AGGREGATES = 3;
    private static final int EVENTS = 30;
    private static final int STOPPED_BROKER = 1;

    /** The broker logs each refusal as an error; here they are what the test asks for. */
    private static final Logger REFUSALS = Logger.getLogger("kafka.server.ReplicaManager");

    @TempDir
    static Path folder;
    private static KafkaClusterTestKit cluster;
    private static KafkaClients clients;
    private static OutboxPublisher publisher;

    @BeforeAll
    static void twoBrokers() throws Exception {
        REFUSALS.setLevel(Level.OFF);
        cluster = TestInfrastructure.startKafka(folder, 2);
        EventsConfig quick = TestEvents.config(cluster::bootstrapServers, Duration.ofSeconds(1));
        clients = new KafkaClients(quick);
        publisher = new OutboxPublisher(new TopicProvisioner(clients, quick), clients, "outbox-test");
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
        REFUSALS.setLevel(null);
    }

    @Test
    void aRoundTheBrokerRefusesEndsAtTheRelaysWaitAndTheNextDeliversEveryEventOnceInOrder() throws Exception {
        String topic = "refused-round-" + UUID.randomUUID();
        List<OutboxRow> rows = rows(topic);
        try (Admin admin = clients.admin("refused-round-test")) {
            admin.createTopics(List.of(new NewTopic(topic, AGGREGATES, (short) 2)
                    .configs(Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2")))).all().get(10, TimeUnit.SECONDS);
            cluster.brokers().get(STOPPED_BROKER).shutdown();
            cluster.brokers().get(STOPPED_BROKER).awaitShutdown();
            // else a write could still be taken and wait for the stopped broker's copy, and be on the topic twice
            await("the stopped broker out of every partition's in-sync replicas").atMost(Duration.ofSeconds(10))
                    .until(() -> admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                            .stream().allMatch(p -> p.isr().stream().noneMatch(b -> b.id() == STOPPED_BROKER)));

            try (KafkaProducer<String, byte[]> refused = clients.producer("refused-round-test")) {
                PartialPublishException e = assertThrows(PartialPublishException.class,
                        () -> publisher.publish(refused, rows));
                assertEquals(0, e.published(), "acknowledged while the broker refused every write");
                assertInstanceOf(TimeoutException.class, e.getCause(),
                        "the relay, not the producer, gave the round up: " + e.getCause());
            }

            admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic),
                    List.of(new AlterConfigOp(new ConfigEntry(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "1"),
                            AlterConfigOp.OpType.SET)))).all().get(10, TimeUnit.SECONDS);
            try (KafkaProducer<String, byte[]> next = clients.producer("refused-round-test-next")) {
                assertEquals(EVENTS, publisher.publish(next, rows));
            }
        }
        List<ChorusEvent> delivered = EventProbe.allOn(cluster.bootstrapServers(), topic);
        assertEquals(EVENTS, delivered.size(), "each event once");
        AggregateOrder.assertEachAggregateInPositionOrder(delivered);
    }

    private static List<OutboxRow> rows(String topic) {
        List<OutboxRow> rows = new ArrayList<>(EVENTS);
        for (int position = 1; position <= EVENTS; position++) {
            rows.add(new OutboxRow(position, UUID.randomUUID().toString(), topic, "aggregate-" + position % AGGREGATES,
                    "chorus.test.Happened.v1", OffsetDateTime.now(), null,
                    "{\"note\":\"refused first\"}".getBytes(StandardCharsets.UTF_8)));
        }
        return rows;
    }
}
