package org.chorus.platform.events;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How a service reaches Kafka and shapes its topics. */
@ConfigMapping(prefix = "chorus.events")
public interface EventsConfig {

    /** Kafka bootstrap servers, e.g. {@code 127.0.0.1:59092}. */
    String bootstrapServers();

    /** Partitions of each topic this service creates; several, so that nothing assumes one partition. */
    @WithDefault("3")
    int partitions();

    /** Replication factor of created topics: 1 on one machine, 3 on a cluster. */
    @WithDefault("1")
    short replicationFactor();

    /** Consumer group of this service's inbox consumers; defaults to the application name. */
    Optional<String> consumerGroup();

    /** How long a client call may wait on an unreachable broker before giving up for this round. */
    @WithDefault("5s")
    Duration brokerTimeout();
}
