package org.chorus.platform.testsupport;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import org.chorus.platform.events.EventsConfig;
import org.chorus.platform.events.KafkaClients;
import org.chorus.platform.events.TopicProvisioner;
import org.chorus.platform.testing.TestInfrastructure;

/** The platform's Kafka clients pointed at the test JVM's real broker. */
public final class TestEvents {

    public static final EventsConfig CONFIG = config(Duration.ofSeconds(10));

    public static final KafkaClients CLIENTS = new KafkaClients(CONFIG);

    private TestEvents() {
    }

    /** The test broker's settings, with calls to it waiting at most {@code brokerTimeout}. */
    public static EventsConfig config(Duration brokerTimeout) {
        return config(() -> TestInfrastructure.get().kafkaBootstrapServers(), brokerTimeout);
    }

    /** The settings for a cluster of a test's own. */
    public static EventsConfig config(Supplier<String> bootstrapServers, Duration brokerTimeout) {
        return new EventsConfig() {
            @Override
            public String bootstrapServers() {
                return bootstrapServers.get();
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
                return brokerTimeout;
            }
        };
    }

    public static TopicProvisioner topics() {
        return new TopicProvisioner(CLIENTS, CONFIG);
    }
}
