package org.chorus.platform.inbox;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.events.KafkaClients;
import org.chorus.platform.events.TopicProvisioner;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Parks an event that cannot be processed on its topic's dead-letter topic, with the reason, so that it is kept; and
 * counts it ({@code chorus_events_dead_lettered_total}), so that operators see it on {@code /q/metrics}.
 */
final class DeadLetters {

    static final String REASON_HEADER = "chorus_dlq_reason";
    static final String ORIGIN_HEADER = "chorus_dlq_origin";
    static final String CONSUMER_HEADER = "chorus_dlq_consumer";

    private final KafkaClients clients;
    private final TopicProvisioner topics;
    private final String consumer;
    private final MeterRegistry meters;
    // Used by the consumer loop's thread only; made on the first dead letter, replaced after a failure.
    private KafkaProducer<String, byte[]> producer;

    DeadLetters(KafkaClients clients, TopicProvisioner topics, String consumer, MeterRegistry meters) {
        this.clients = clients;
        this.topics = topics;
        this.consumer = consumer;
        this.meters = meters;
    }

    /** Sends and waits for the acknowledgement: the original's offset is committed only after this returns. */
    void park(ConsumerRecord<String, byte[]> record, String reason) {
        String topic = ChorusEventTypes.deadLetterTopic(record.topic());
        var letter = new ProducerRecord<>(topic, null, record.key(), record.value(), record.headers());
        letter.headers().add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        letter.headers().add(ORIGIN_HEADER,
                (record.topic() + "-" + record.partition() + "@" + record.offset()).getBytes(StandardCharsets.UTF_8));
        letter.headers().add(CONSUMER_HEADER, consumer.getBytes(StandardCharsets.UTF_8));
        try {
            topics.ensure(List.of(topic));
            if (producer == null) {
                producer = clients.producer("chorus-dlq-" + consumer);
            }
            producer.send(letter).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            close();
            throw new IllegalStateException("Could not park a dead letter: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while parking a dead letter", e);
        }
        deadLettered(record.topic()).increment();
    }

    /** The counter of one consumed topic; registered for each at start, so that a healthy service shows 0. */
    Counter deadLettered(String topic) {
        return Counter.builder("chorus.events.dead.lettered")
                .description("Events parked on a dead-letter topic because they could not be applied")
                .tag("consumer", consumer).tag("topic", topic)
                .register(meters);
    }

    void close() {
        if (producer != null) {
            try {
                producer.close(java.time.Duration.ofSeconds(1));
            } catch (RuntimeException ignored) {
                // a producer to a dead broker may complain on closing; it is discarded anyway
            }
            producer = null;
        }
    }
}
