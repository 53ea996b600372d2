package org.chorus.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.chorus.platform.events.contract.OrganisationData;
import org.chorus.platform.events.contract.RateLimitsData;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The envelope survives a round trip through Kafka's record shape, and readers tolerate newer producers. */
class ChorusEventTest {

    private final ObjectMapper strict = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void aFieldAddedByANewerProducerIsIgnored() {
        UUID id = UUID.randomUUID();
        String json = "{\"organisationId\":\"" + id + "\",\"name\":\"Healthwatch Cumbria\",\"type\":\"HEALTHWATCH\","
                + "\"placeCodes\":[\"cumbria\"],\"allowedOrigins\":[],\"active\":true,\"version\":3,"
                + "\"fieldFromTheFuture\":42}";
        OrganisationData data = event(id.toString(), json).dataAs(strict, OrganisationData.class);
        assertEquals("Healthwatch Cumbria", data.name());
        assertEquals(List.of("cumbria"), data.placeCodes());
    }

    @Test
    void anEventFromBeforeRateLimitsReadsAsTheGatewaysDefaults() {
        UUID id = UUID.randomUUID();
        String json = "{\"organisationId\":\"" + id + "\",\"name\":\"Healthwatch Cumbria\",\"type\":\"HEALTHWATCH\","
                + "\"placeCodes\":[],\"allowedOrigins\":[],\"active\":true,\"version\":1}";
        assertNull(event(id.toString(), json).dataAs(strict, OrganisationData.class).rateLimits());

        String limited = json.replace("\"version\":1", "\"version\":2,\"rateLimits\":{\"readsPerAddress\":"
                + "{\"requests\":30,\"per\":\"PT1M\"}}");
        RateLimitsData limits = event(id.toString(), limited).dataAs(strict, OrganisationData.class).rateLimits();
        assertEquals(new RateLimitsData.Limit(30, "PT1M"), limits.readsPerAddress());
        assertNull(limits.submissionsPerKey(), "a limit not given is the gateway's default");
    }

    @Test
    void brokenDataIsReportedNotSwallowed() {
        assertThrows(java.io.UncheckedIOException.class,
                () -> event("x", "{\"organisationId\": 42").dataAs(strict, OrganisationData.class));
    }

    @Test
    void everyAttributeSurvivesTheBinaryEnvelope() {
        ChorusEvent sent = new ChorusEvent(UUID.randomUUID().toString(), ChorusEventTypes.ORGANISATION_UPDATED.type(),
                "/chorus/partner-directory-service", OffsetDateTime.parse("2026-11-22T10:00:00Z"), "aggregate-1", 17,
                "request-9", "{}".getBytes(StandardCharsets.UTF_8));
        ProducerRecord<String, byte[]> produced = EventEnvelope.toRecord("directory.organisations", sent);
        ConsumerRecord<String, byte[]> consumed = new ConsumerRecord<>(produced.topic(), 0, 0L, produced.key(),
                produced.value());
        produced.headers().forEach(h -> consumed.headers().add(h));

        ChorusEvent received = EventEnvelope.fromRecord(consumed);
        assertEquals(sent.id(), received.id());
        assertEquals(sent.type(), received.type());
        assertEquals(sent.source(), received.source());
        assertEquals(sent.time().toInstant(), received.time().toInstant());
        assertEquals("aggregate-1", received.aggregateId());
        assertEquals(17, received.sequence());
        assertEquals("request-9", received.requestId());
        assertEquals("aggregate-1", produced.key());
    }

    /** Time is optional in CloudEvents, and a record without it is unreadable, for the dead-letter topic. */
    @Test
    void aRecordWithoutTimeIsMalformed() {
        ProducerRecord<String, byte[]> produced = EventEnvelope.toRecord("survey.responses",
                event("aggregate-1", "{}"));
        ConsumerRecord<String, byte[]> consumed = new ConsumerRecord<>(produced.topic(), 0, 0L, produced.key(),
                produced.value());
        produced.headers().forEach(h -> {
            if (!h.key().equals("ce_time")) {
                consumed.headers().add(h);
            }
        });

        EventEnvelope.MalformedEventException refused = assertThrows(EventEnvelope.MalformedEventException.class,
                () -> EventEnvelope.fromRecord(consumed));
        assertTrue(refused.getMessage().endsWith("has no time"), refused.getMessage());
    }

    private static ChorusEvent event(String aggregateId, String json) {
        return new ChorusEvent(UUID.randomUUID().toString(), ChorusEventTypes.ORGANISATION_UPDATED.type(), "/test",
                OffsetDateTime.now(), aggregateId, 1, null, json.getBytes(StandardCharsets.UTF_8));
    }
}
