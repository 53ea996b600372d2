package org.chorus.gateway.events;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.chorus.gateway.GatewayConfig;
import org.chorus.platform.events.ChorusEvent;
import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.events.EventEnvelope;
import org.chorus.platform.events.KafkaClients;
import org.chorus.platform.events.TopicProvisioner;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

/**
 * Keeps an in-memory replica current from one whole directory topic. Every gateway replica needs every record, so it
 * reads all partitions from the beginning without a consumer group, and keeps reading for as long as the gateway runs.
 *
 * @param <T> the event data every state event of the topic carries
 */
public final class TopicReplicaReader<T> {

    private static final Logger LOG = Logger.getLogger(TopicReplicaReader.class);

    /** Where the read state goes; the sequence orders states of one aggregate. */
    public interface Sink<T> {
        void apply(T data, long sequence);
    }

    private final String topic;
    private final String what;
    private final Class<T> dataClass;
    private final Function<T, Object> id;
    private final Sink<T> sink;
    private final KafkaClients clients;
    private final TopicProvisioner topics;
    private final GatewayConfig.Keys config;
    private final Duration brokerTimeout;
    // A later directory may add fields; a record must not be dropped because of one.
    private final ObjectReader dataReader;

    // Touched only by the reader thread; kept across reconnects so a reconnect does not re-read everything.
    private final Map<TopicPartition, Long> positions = new HashMap<>();
    private Map<TopicPartition, Long> catchUpTarget;
    private boolean brokerTrouble;

    private volatile boolean caughtUp;
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    /**
     * @param what what the topic holds, in words for logs ("API key", "organisation")
     * @param id the aggregate id of a state; a state without one is skipped as unreadable
     */
    public TopicReplicaReader(String topic, String what, Class<T> dataClass, Function<T, Object> id, Sink<T> sink,
            Dependencies dependencies) {
        this.topic = topic;
        this.what = what;
        this.dataClass = dataClass;
        this.id = id;
        this.sink = sink;
        this.clients = dependencies.clients();
        this.topics = dependencies.topics();
        this.config = dependencies.config();
        this.brokerTimeout = dependencies.brokerTimeout();
        this.dataReader = dependencies.mapper().readerFor(dataClass)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** What every reader needs from the gateway, bundled so that readers are declared in one line. */
    public record Dependencies(KafkaClients clients, TopicProvisioner topics, GatewayConfig.Keys config,
            Duration brokerTimeout, ObjectMapper mapper) {
    }

    public void start() {
        running = true;
        thread = new Thread(this::run, "chorus-gateway-" + topic + "-reader");
        thread.setDaemon(true);
        thread.start();
    }

    public void stop() throws InterruptedException {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    /** Whether every event that existed when the gateway started has been applied. */
    public boolean caughtUp() {
        return caughtUp;
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, byte[]> created = clients.consumer("chorus-gateway-" + topic + "-" + UUID.randomUUID(), null)) {
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
        topics.ensure(List.of(topic));
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
        List<TopicPartition> partitions = kafka.partitionsFor(topic, brokerTimeout).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        if (partitions.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " has no partitions yet");
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
        LOG.infof("Caught up with %s events of %s", what, topic);
    }

    /**
     * The consumer retries a lost broker quietly and forever; asking for end offsets is what tells us it is gone, and
     * also lets the reader see partitions added to the topic since it started.
     */
    private void checkBroker(KafkaConsumer<String, byte[]> kafka) {
        try {
            kafka.endOffsets(kafka.assignment(), brokerTimeout);
            Set<TopicPartition> assigned = kafka.assignment();
            if (kafka.partitionsFor(topic, brokerTimeout).size() != assigned.size()) {
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
            boolean ours = ChorusEventTypes.byType(event.type())
                    .filter(type -> type.dataClass() == dataClass)
                    .isPresent();
            if (!ours) {
                LOG.debugf("Ignored event %s of type %s", EventEnvelope.describe(record), event.type());
                return;
            }
            T data = dataReader.readValue(event.data());
            if (id.apply(data) == null) {
                throw new IOException("no id");
            }
            sink.apply(data, event.sequence());
        } catch (IOException | RuntimeException e) {
            // One bad event must not stop every other record from being kept current.
            LOG.warnf("Skipped unreadable %s event %s: %s", what, EventEnvelope.describe(record), e.getMessage());
        }
    }

    private void trouble(Exception e) {
        if (!brokerTrouble) {
            brokerTrouble = true;
            LOG.warnf("Cannot read %s events (%s); what is already known stays in use, retrying quietly", what,
                    e.getMessage());
        } else {
            LOG.debugf("Still cannot read %s events: %s", what, e.getMessage());
        }
    }

    private void recovered() {
        if (brokerTrouble) {
            brokerTrouble = false;
            LOG.infof("%s events are readable again", what);
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
