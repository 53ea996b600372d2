package org.chorus.insight.support;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.chorus.platform.events.ChorusEvent;
import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.events.EventEnvelope;
import org.chorus.platform.events.EventsConfig;
import org.chorus.platform.events.KafkaClients;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.Arc;

/**
 * Events about survey responses as the survey service publishes them, sent to the real broker, so that tests see
 * insight's inbox consume them the way it does in production.
 */
public final class SurveyEvents {

    private static final String SOURCE = "/chorus/survey-service";

    private SurveyEvents() {
    }

    /** An event of the given type about one response, its data serialised as the survey service does. */
    public static ChorusEvent event(String type, UUID responseId, long sequence, Object data)
            throws JsonProcessingException {
        byte[] json = Arc.container().instance(ObjectMapper.class).get().writeValueAsBytes(data);
        return new ChorusEvent(UUID.randomUUID().toString(), type, SOURCE, OffsetDateTime.now(),
                responseId.toString(), sequence, null, json);
    }

    /** Sends the events in order, each acknowledged by the broker before the next goes. */
    public static void sendOneByOne(String client, List<ChorusEvent> events)
            throws InterruptedException, ExecutionException {
        try (KafkaProducer<String, byte[]> producer = producer(client)) {
            for (ChorusEvent event : events) {
                producer.send(EventEnvelope.toRecord(ChorusEventTypes.SURVEY_RESPONSES, event)).get();
            }
        }
    }

    /** Sends the events in order without waiting between them, so that they reach the consumer in few polls. */
    public static void sendInOneBurst(String client, List<ChorusEvent> events) {
        try (KafkaProducer<String, byte[]> producer = producer(client)) {
            for (ChorusEvent event : events) {
                producer.send(EventEnvelope.toRecord(ChorusEventTypes.SURVEY_RESPONSES, event));
            }
            producer.flush();
        }
    }

    private static KafkaProducer<String, byte[]> producer(String client) {
        return new KafkaClients(Arc.container().instance(EventsConfig.class).get()).producer(client);
    }
}
