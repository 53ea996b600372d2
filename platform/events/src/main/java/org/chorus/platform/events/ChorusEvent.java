package org.chorus.platform.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An event as Chorus sends and receives it: the CloudEvents attributes we rely on plus the JSON data.
 *
 * @param id unique event id; consumers record it in their inbox to ignore redeliveries
 * @param type versioned CloudEvents type
 * @param source the producing service, e.g. {@code /chorus/partner-directory-service}
 * @param time when the change happened
 * @param aggregateId id of the aggregate the event is about; also the Kafka record key
 * @param sequence position in the producer's outbox: increases with every event of one aggregate
 * @param requestId the request that caused the event, to follow one submission across services; may be null
 * @param data the JSON payload
 */
public record ChorusEvent(
        String id,
        String type,
        String source,
        OffsetDateTime time,
        String aggregateId,
        long sequence,
        String requestId,
        byte[] data) {

    /**
     * Reads the data as a tolerant reader: fields a newer producer added are ignored, so a contract can grow
     * (a new optional field) without breaking consumers that do not know it yet.
     */
    public <T> T dataAs(ObjectMapper mapper, Class<T> dataClass) {
        try {
            return mapper.readerFor(dataClass).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(data);
        } catch (IOException e) {
            throw new UncheckedIOException("Event " + id + " of type " + type + " has unreadable data", e);
        }
    }
}
