package org.chorus.gateway.events;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chorus.gateway.GatewayConfig;
import org.chorus.platform.events.EventEnvelope;
import org.chorus.platform.events.EventsConfig;
import org.chorus.platform.events.KafkaClients;
import org.chorus.platform.events.TopicProvisioner;
import org.chorus.platform.events.consume.EventLoop;
import org.chorus.platform.events.consume.EventRouting;
import org.chorus.platform.events.consume.LoopTimings;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Builds the gateway's readers of directory topics: each reads its whole topic from the beginning, without a consumer
 * group, for as long as the gateway runs, because every gateway replica needs every key and organisation. One bad
 * event is skipped with a warning: it must not stop every other record from being kept current.
 */
@ApplicationScoped
public class DirectoryReaders {

    private static final Logger LOG = Logger.getLogger(DirectoryReaders.class);

    private final KafkaClients clients;
    private final TopicProvisioner topics;
    private final LoopTimings timings;
    private final ObjectMapper mapper;
    private final MeterRegistry meters;

    public DirectoryReaders(KafkaClients clients, TopicProvisioner topics, GatewayConfig config, EventsConfig events,
            ObjectMapper mapper, MeterRegistry meters) {
        this.clients = clients;
        this.topics = topics;
        this.timings = new LoopTimings(config.keys().pollTimeout(), config.keys().checkInterval(), Duration.ofSeconds(1),
                events.brokerTimeout());
        this.mapper = mapper;
        this.meters = meters;
    }

    /** A routing whose skipped events are counted under the reader's name. */
    public EventRouting routing(String what) {
        return new EventRouting(mapper, meters.counter("chorus.events.skipped", "consumer", "gateway-" + what)::increment);
    }

    /** @param what what the topic holds, in words for logs ("API key", "organisation") */
    public EventLoop reader(String what, EventRouting routing) {
        String name = "chorus-gateway-" + what.replace(' ', '-').toLowerCase() + "-reader";
        return EventLoop.wholeTopics(name, routing.topics(), record -> apply(what, routing, record), clients, topics,
                timings);
    }

    private static void apply(String what, EventRouting routing, ConsumerRecord<String, byte[]> record) {
        try {
            routing.route(record).deliver();
        } catch (RuntimeException e) {
            LOG.warnf("Skipped unreadable %s event %s: %s", what, EventEnvelope.describe(record), e.getMessage());
        }
    }
}
