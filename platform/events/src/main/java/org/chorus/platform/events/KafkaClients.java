package org.chorus.platform.events;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Builds Kafka clients with the settings every Chorus producer and consumer must share. */
@ApplicationScoped
public class KafkaClients {

    private final EventsConfig config;

    public KafkaClients(EventsConfig config) {
        this.config = config;
    }

    /** An idempotent producer that waits for all in-sync replicas: a published event is not lost. */
    public KafkaProducer<String, byte[]> producer(String clientId) {
        Map<String, Object> props = common(clientId);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // One request at a time: with several in flight, a broker before Kafka 4.5 that refused the first request to a
        // partition new to this producer (a topic just created, a partition that just moved) took the next ones and
        // then refused the first for good as out of sequence (KAFKA-15591), which put its events behind their
        // successors (NewTopicOrderTest: a quarter of new topics with 5 in flight, none with 1). The relay waits for
        // every acknowledgement of a round anyway; one at a time costs it a round trip a batch beyond the first.
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        // Cheaper than none, though it looks like more work: more events fit a batch, so fewer batches and requests
        // for the producer, the broker and each consumer (bench's EventCompressionBench: 9-14 µs against 13-20 µs of
        // processor time per event).
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        int timeoutMs = (int) config.brokerTimeout().toMillis();
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        // Longer than a sender waits (acknowledgementWait): a batch the producer gives up by itself fails alone, and the
        // producer goes on sending the batches queued behind it, which would put them on the topic ahead of it. The
        // sender gives up first and closes the producer at once, so that nothing queued behind is sent.
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                (int) acknowledgementWait().plus(config.brokerTimeout()).toMillis());
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * How long a sender waits for its events to be acknowledged before it gives them up for this round and closes the
     * producer with {@code close(Duration.ZERO)}: the producer's own delivery timeout is longer.
     */
    public Duration acknowledgementWait() {
        return config.brokerTimeout().multipliedBy(3);
    }

    /**
     * A consumer that commits only what the caller has finished with.
     *
     * @param groupId the consumer group, or null for a reader that assigns partitions itself and keeps no offsets
     */
    public KafkaConsumer<String, byte[]> consumer(String clientId, String groupId) {
        Map<String, Object> props = common(clientId);
        if (groupId != null) {
            props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        }
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        // fetch.max.wait.ms stays at 500 ms: a longer wait saves idle fetches, but closing a consumer waits for its
        // fetch in flight, and 5 s made every service's shutdown (and each replica restart) seconds longer.
        // A replica that crashed holds its partitions until its session expires (45 s by default): events wait that
        // long. 10 s, with heartbeats every 3 s, hands them to the other replicas sooner.
        props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000);
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    public Admin admin(String clientId) {
        Map<String, Object> props = common(clientId);
        int timeoutMs = (int) config.brokerTimeout().toMillis();
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        return Admin.create(props);
    }

    private Map<String, Object> common(String clientId) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        // A broker that is down must not flood the log; the client retries quietly in the background.
        props.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2000);
        return props;
    }
}
