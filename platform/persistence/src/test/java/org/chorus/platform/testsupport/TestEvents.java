package org.chorus.platform.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.chorus.platform.events.EventsConfig;
import org.chorus.platform.events.KafkaClients;
import org.chorus.platform.events.TopicProvisioner;
import org.chorus.platform.testing.TestInfrastructure;

/** The platform's Kafka clients pointed at the test JVM's real broker, and a reader of whole topics. */
public final class TestEvents {

    public static final EventsConfig CONFIG = new EventsConfig() {
        @Override
        public String bootstrapServers() {
            return TestInfrastructure.get().kafkaBootstrapServers();
        }

        @Override
        public int partitions() {
            return 3;
        }

        @Override
        public short replicationFactor() {
            return 1;
        }

        @Override
        public Optional<String> consumerGroup() {
            return Optional.empty();
        }

        @Override
        public Duration brokerTimeout() {
            return Duration.ofSeconds(10);
        }
    };

    public static final KafkaClients CLIENTS = new KafkaClients(CONFIG);

    private TestEvents() {
    }

    public static TopicProvisioner topics() {
        return new TopicProvisioner(CLIENTS, CONFIG);
    }

    /** Every record on the topic so far, partition by partition, each partition in its own order. */
    public static List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = CLIENTS.consumer("test-reader", null)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
