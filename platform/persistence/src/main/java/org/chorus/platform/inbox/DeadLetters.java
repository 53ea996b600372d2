package org.chorus.platform.inbox;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.chorus.platform.events.ChorusEventTypes;

/** Parks an event that cannot be processed on its topic's dead-letter topic, with the reason, so that it is kept. */
final class DeadLetters {

    static final String REASON_HEADER = "chorus_dlq_reason";
    static final String ORIGIN_HEADER = "chorus_dlq_origin";
    static final String CONSUMER_HEADER = "chorus_dlq_consumer";

    private final KafkaProducer<String, byte[]> producer;
    private final String consumer;

    DeadLetters(KafkaProducer<String, byte[]> producer, String consumer) {
        this.producer = producer;
        this.consumer = consumer;
    }

    /** Sends and waits for the acknowledgement: the original's offset is committed only after this returns. */
    void park(ConsumerRecord<String, byte[]> record, String reason) {
        var letter = new ProducerRecord<>(ChorusEventTypes.deadLetterTopic(record.topic()), null, record.key(),
                record.value(), record.headers());
        letter.headers().add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        letter.headers().add(ORIGIN_HEADER,
                (record.topic() + "-" + record.partition() + "@" + record.offset()).getBytes(StandardCharsets.UTF_8));
        letter.headers().add(CONSUMER_HEADER, consumer.getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(letter).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not park a dead letter: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while parking a dead letter", e);
        }
    }
}
