package org.chorus.platform.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.chorus.platform.events.ChorusEvent;
import org.chorus.platform.events.EventEnvelope;

/** Reads a topic of the test broker from the start, to assert that a service published what it should. */
public final class EventProbe {

    private EventProbe() {
    }

    /**
     * Waits for the first event on the topic that matches.
     *
     * @throws AssertionError if none arrives in time
     */
    public static ChorusEvent await(String topic, Predicate<ChorusEvent> matching, Duration timeout) {
        List<ChorusEvent> found = awaitAll(topic, matching, 1, timeout);
        return found.get(0);
    }

    /** Waits until at least {@code count} matching events are on the topic and returns all matching ones seen. */
    public static List<ChorusEvent> awaitAll(String topic, Predicate<ChorusEvent> matching, int count, Duration timeout) {
        List<ChorusEvent> found = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, byte[]> consumer = newConsumer()) {
            List<TopicPartition> partitions = awaitPartitions(consumer, topic, deadline);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (System.nanoTime() < deadline && found.size() < count) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    ChorusEvent event = EventEnvelope.fromRecord(record);
                    if (matching.test(event)) {
                        found.add(event);
                    }
                });
            }
        }
        if (found.size() < count) {
            throw new AssertionError("Expected " + count + " matching events on " + topic + " within " + timeout
                    + " but saw " + found.size());
        }
        return found;
    }

    private static List<TopicPartition> awaitPartitions(KafkaConsumer<String, byte[]> consumer, String topic,
            long deadline) {
        while (System.nanoTime() < deadline) {
            Map<String, List<org.apache.kafka.common.PartitionInfo>> topics = consumer.listTopics(Duration.ofSeconds(2));
            if (topics.containsKey(topic)) {
                return topics.get(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            }
            sleep();
        }
        throw new AssertionError("Topic " + topic + " was never created");
    }

    private static KafkaConsumer<String, byte[]> newConsumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }
}
