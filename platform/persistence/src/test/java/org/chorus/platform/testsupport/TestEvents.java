package org.chorus.platform.testsupport;

import java.time.Duration;
import java.util.Optional;

import org.chorus.platform.events.EventsConfig;
import org.chorus.platform.events.KafkaClients;
import org.chorus.platform.events.TopicProvisioner;
import org.chorus.platform.testing.TestInfrastructure;

/** The platform's Kafka clients pointed at the test JVM's real broker. */
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
}
