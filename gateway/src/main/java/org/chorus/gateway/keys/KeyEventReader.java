package org.chorus.gateway.keys;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.chorus.gateway.GatewayConfig;
import org.chorus.platform.events.ChorusEvent;
import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.events.EventEnvelope;
import org.chorus.platform.events.EventsConfig;
import org.chorus.platform.events.KafkaClients;
import org.chorus.platform.events.TopicProvisioner;
import org.chorus.platform.events.contract.ApiKeyData;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Keeps {@link ApiKeyCache} current from {@code directory.api-keys}. Every replica needs every key, so it reads all
 * partitions from the beginning without a consumer group, and keeps reading for as long as the gateway runs.
 */
@ApplicationScoped
public class KeyEventReader {

    private static final Logger LOG = Logger.getLogger(KeyEventReader.class);
    static final String TOPIC = ChorusEventTypes.DIRECTORY_API_KEYS;

    private final KafkaClients clients;
    private final TopicProvisioner topics;
    private final ApiKeyCache cache;
    private final GatewayConfig.Keys config;
    private final Duration brokerTimeout;
    // A later directory may add fields; a key must not be dropped because of one.
    private final ObjectReader keyReader;

    // Touched only by the reader thread; kept across reconnects so a reconnect does not re-read everything.
    private final Map<TopicPartition, Long> positions = new HashMap<>();
    private Map<TopicPartition, Long> catchUpTarget;
    private boolean brokerTrouble;

    private volatile boolean caughtUp;
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    public KeyEventReader(KafkaClients clients, TopicProvisioner topics, ApiKeyCache cache, GatewayConfig config,
            EventsConfig events, ObjectMapper mapper) {
        this.clients = clients;
        this.topics = topics;
        this.cache = cache;
        this.config = config.keys();
        this.brokerTimeout = events.brokerTimeout();
        this.keyReader = mapper.readerFor(ApiKeyData.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    void start(@Observes StartupEvent startup) {
        running = true;
        thread = new Thread(this::run, "chorus-gateway-key-reader");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    /** Whether every key event that existed when the gateway started has been applied. */
    public boolean caughtUp() {
        return caughtUp;
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, byte[]> created = clients.consumer("chorus-gateway-keys-" + UUID.randomUUID(), null)) {
                consumer = created;
                read(created);
            } catch (WakeupException | InterruptException e) {
                running = false;
            } catch (RuntimeException e) {
                trouble(e);
                pause();
            } finally {
                consumer = null;
            }
        }
    }

    private void read(KafkaConsumer<String, byte[]> kafka) {
        topics.ensure(List.of(TOPIC));
        assign(kafka);
        if (catchUpTarget == null) {
            catchUpTarget = kafka.endOffsets(kafka.assignment(), brokerTimeout);
        }
        recovered();
        long nextCheck = System.nanoTime() + config.checkInterval().toNanos();
        while (running) {
            for (ConsumerRecord<String, byte[]> record : kafka.poll(config.pollTimeout())) {
                apply(record);
                positions.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
            }
            if (!caughtUp) {
                checkCaughtUp(kafka);
            }
            if (System.nanoTime() - nextCheck >= 0) {
                checkBroker(kafka);
                nextCheck = System.nanoTime() + config.checkInterval().toNanos();
            }
        }
    }

    private void assign(KafkaConsumer<String, byte[]> kafka) {
        List<TopicPartition> partitions = kafka.partitionsFor(TOPIC, brokerTimeout).stream()
                .map(p -> new TopicPartition(TOPIC, p.partition()))
                .toList();
        if (partitions.isEmpty()) {
            throw new IllegalStateException("topic " + TOPIC + " has no partitions yet");
        }
        kafka.assign(partitions);
        for (TopicPartition partition : partitions) {
            Long position = positions.get(partition);
            if (position == null) {
                kafka.seekToBeginning(List.of(partition));
            } else {
                kafka.seek(partition, position);
            }
        }
    }

    private void checkCaughtUp(KafkaConsumer<String, byte[]> kafka) {
        for (var target : catchUpTarget.entrySet()) {
            if (kafka.position(target.getKey(), brokerTimeout) < target.getValue()) {
                return;
            }
        }
        caughtUp = true;
        LOG.infof("API key cache caught up: %d keys known", cache.size());
    }

    /**
     * The consumer retries a lost broker quietly and forever; asking for end offsets is what tells us it is gone, and
     * also lets the reader see partitions added to the topic since it started.
     */
    private void checkBroker(KafkaConsumer<String, byte[]> kafka) {
        try {
            kafka.endOffsets(kafka.assignment(), brokerTimeout);
            Set<TopicPartition> assigned = kafka.assignment();
            if (kafka.partitionsFor(TOPIC, brokerTimeout).size() != assigned.size()) {
                assign(kafka);
            }
            recovered();
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            trouble(e);
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        try {
            ChorusEvent event = EventEnvelope.fromRecord(record);
            boolean aboutKeys = ChorusEventTypes.byType(event.type())
                    .filter(type -> type.dataClass() == ApiKeyData.class)
                    .isPresent();
            if (!aboutKeys) {
                LOG.debugf("Ignored event %s of type %s", EventEnvelope.describe(record), event.type());
                return;
            }
            ApiKeyData key = keyReader.readValue(event.data());
            if (key.keyId() == null) {
                throw new IOException("no keyId");
            }
            cache.apply(key, event.sequence());
        } catch (IOException | RuntimeException e) {
            // One bad event must not stop every other key from being kept current.
            LOG.warnf("Skipped unreadable API key event %s: %s", EventEnvelope.describe(record), e.getMessage());
        }
    }

    private void trouble(Exception e) {
        if (!brokerTrouble) {
            brokerTrouble = true;
            LOG.warnf("Cannot read API key events (%s); keys already known stay in use, retrying quietly",
                    e.getMessage());
        } else {
            LOG.debugf("Still cannot read API key events: %s", e.getMessage());
        }
    }

    private void recovered() {
        if (brokerTrouble) {
            brokerTrouble = false;
            LOG.info("API key events are readable again");
        }
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
