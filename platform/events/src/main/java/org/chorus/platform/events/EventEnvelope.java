package org.chorus.platform.events;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.cloudevents.rw.CloudEventRWException;

/** Converts between {@link ChorusEvent} and CloudEvents 1.0 in Kafka binary mode ({@code ce_*} headers, JSON body). */
public final class EventEnvelope {

    static final String SEQUENCE_EXTENSION = "sequence";
    static final String PARTITION_KEY_EXTENSION = "partitionkey";
    static final String REQUEST_ID_EXTENSION = "requestid";

    private EventEnvelope() {
    }

    public static CloudEvent toCloudEvent(ChorusEvent event) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(event.id())
                .withType(event.type())
                .withSource(URI.create(event.source()))
                .withTime(event.time())
                .withSubject(event.aggregateId())
                .withDataContentType("application/json")
                .withExtension(PARTITION_KEY_EXTENSION, event.aggregateId())
                .withExtension(SEQUENCE_EXTENSION, Long.toString(event.sequence()))
                .withData(event.data());
        if (event.requestId() != null) {
            builder.withExtension(REQUEST_ID_EXTENSION, event.requestId());
        }
        return builder.build();
    }

    public static ProducerRecord<String, byte[]> toRecord(String topic, ChorusEvent event) {
        return KafkaMessageFactory.createWriter(topic, event.aggregateId()).writeBinary(toCloudEvent(event));
    }

    /**
     * Reads a record written by {@link #toRecord}.
     *
     * @throws MalformedEventException if the record is not a CloudEvent Chorus can read
     */
    public static ChorusEvent fromRecord(ConsumerRecord<String, byte[]> record) {
        CloudEvent cloudEvent;
        try {
            cloudEvent = KafkaMessageFactory.createReader(record).toEvent();
        } catch (CloudEventRWException | IllegalStateException e) {
            throw new MalformedEventException("not a CloudEvents binary-mode record: " + e.getMessage());
        }
        if (cloudEvent.getData() == null) {
            throw new MalformedEventException("event " + cloudEvent.getId() + " has no data");
        }
        // CloudEvents makes time optional, but every Chorus event has one: an event without it is unreadable, for the
        // dead-letter topic, where a NullPointerException stopped its partition for good as if Kafka were down
        if (cloudEvent.getTime() == null) {
            throw new MalformedEventException("event " + cloudEvent.getId() + " has no time");
        }
        return new ChorusEvent(
                cloudEvent.getId(),
                cloudEvent.getType(),
                cloudEvent.getSource().toString(),
                cloudEvent.getTime(),
                record.key() != null ? record.key() : cloudEvent.getSubject(),
                parseSequence(cloudEvent.getExtension(SEQUENCE_EXTENSION)),
                asString(cloudEvent.getExtension(REQUEST_ID_EXTENSION)),
                cloudEvent.getData().toBytes());
    }

    private static long parseSequence(Object value) {
        if (value == null) {
            return 0;
        }
        try {
            return Long.parseLong(value.toString());
        } catch (NumberFormatException e) {
            throw new MalformedEventException("sequence extension is not a number: " + value);
        }
    }

    private static String asString(Object value) {
        return value == null ? null : value.toString();
    }

    /** Short description of a record for logs and dead letters: never its data, which may be large. */
    public static String describe(ConsumerRecord<String, byte[]> record) {
        var typeHeader = record.headers().lastHeader("ce_type");
        String type = typeHeader == null ? "?" : new String(typeHeader.value(), StandardCharsets.UTF_8);
        return record.topic() + "-" + record.partition() + "@" + record.offset() + " (" + type + ")";
    }

    /** A record on a Chorus topic that is not a readable Chorus event. */
    public static final class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message) {
            super(message);
        }
    }
}
