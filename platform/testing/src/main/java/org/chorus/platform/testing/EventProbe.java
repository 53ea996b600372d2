package org.chorus.platform.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.chorus.platform.events.ChorusEvent;
import org.chorus.platform.events.EventEnvelope;
import org.chorus.platform.events.EventType;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.Arc;

/** Reads a topic of the test broker from the start, to assert that a service published what it should. */
public final class EventProbe {

    private EventProbe() {
    }

    /**
     * Waits for the first event on the topic that matches.
     *
     * @throws org.awaitility.core.ConditionTimeoutException if none arrives in time
     */
    public static ChorusEvent await(String topic, Predicate<ChorusEvent> matching, Duration timeout) {
        return awaitAll(topic, matching, 1, timeout).get(0);
    }

    /**
     * Waits for the first event of this type about this aggregate (the record's id), and reads its data as the
     * service's own mapper would.
     */
    public static <T> T awaitData(EventType<T> type, String aggregateId, Duration timeout) {
        ChorusEvent event = await(type.topic(),
                e -> e.aggregateId().equals(aggregateId) && e.type().equals(type.type()), timeout);
        return event.dataAs(Arc.container().instance(ObjectMapper.class).get(), type.dataClass());
    }

    /** Waits until at least {@code count} matching events are on the topic and returns all matching ones seen. */
    public static List<ChorusEvent> awaitAll(String topic, Predicate<ChorusEvent> matching, int count,
            Duration timeout) {
        List<ChorusEvent> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = newConsumer()) {
            List<TopicPartition> partitions = awaitPartitions(consumer, topic, timeout);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            readUntil(consumer, matching, found, () -> found.size() >= count,
                    "at least " + count + " matching events on " + topic, timeout);
        }
        return found;
    }

    /**
     * Every matching event on the topic now, partition by partition, each partition in its order: read up to the end
     * offsets at the time of the call, so that a test can count exactly what was published, duplicates included.
     */
    public static List<ChorusEvent> all(String topic, Predicate<ChorusEvent> matching) {
        return all(List.of(topic), matching);
    }

    /** Every matching event on these topics now, as {@link #all(String, Predicate)} reads one: in one read. */
    public static List<ChorusEvent> all(Collection<String> topics, Predicate<ChorusEvent> matching) {
        return all(TestInfrastructure.get().kafkaBootstrapServers(), topics, matching);
    }

    /** Every event on the topic of a cluster of a test's own, as {@link #all(String, Predicate)} reads one. */
    public static List<ChorusEvent> allOn(String bootstrapServers, String topic) {
        return all(bootstrapServers, List.of(topic), event -> true);
    }

    private static List<ChorusEvent> all(String bootstrapServers, Collection<String> topics,
            Predicate<ChorusEvent> matching) {
        List<ChorusEvent> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = newConsumer(bootstrapServers)) {
            List<TopicPartition> partitions = awaitPartitions(consumer, topics, Duration.ofSeconds(10));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            BooleanSupplier atTheEnd = () -> partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p));
            readUntil(consumer, matching, found, atTheEnd, "the end of " + String.join(", ", topics),
                    Duration.ofSeconds(30));
        }
        return found;
    }

    /** Polls (each poll waits up to 200 ms for records) until {@code done}, keeping the matching events. */
    private static void readUntil(KafkaConsumer<String, byte[]> consumer, Predicate<ChorusEvent> matching,
            List<ChorusEvent> found, BooleanSupplier done, String what, Duration timeout) {
        Awaitility.await(what).atMost(timeout).pollInSameThread().pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(1)).until(() -> {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                        ChorusEvent event = EventEnvelope.fromRecord(record);
                        if (matching.test(event)) {
                            found.add(event);
                        }
                    }
                    return done.getAsBoolean();
                });
    }

    private static List<TopicPartition> awaitPartitions(KafkaConsumer<String, byte[]> consumer, String topic,
            Duration timeout) {
        return awaitPartitions(consumer, List.of(topic), timeout);
    }

    private static List<TopicPartition> awaitPartitions(KafkaConsumer<String, byte[]> consumer,
            Collection<String> topics, Duration timeout) {
        Map<String, List<PartitionInfo>> found = Awaitility.await("topics " + String.join(", ", topics) + " created")
                .atMost(timeout).pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                .until(() -> consumer.listTopics(Duration.ofSeconds(2)), all -> all.keySet().containsAll(topics));
        return topics.stream().flatMap(topic -> found.get(topic).stream())
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    }

    private static KafkaConsumer<String, byte[]> newConsumer() {
        return newConsumer(TestInfrastructure.get().kafkaBootstrapServers());
    }

    private static KafkaConsumer<String, byte[]> newConsumer(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
