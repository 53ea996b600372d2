package org.chorus.gateway.events;

import java.time.Duration;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chorus.gateway.GatewayConfig;
import org.chorus.gateway.keys.ApiKeyCache;
import org.chorus.gateway.origins.OrganisationCache;
import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.events.EventEnvelope;
import org.chorus.platform.events.EventsConfig;
import org.chorus.platform.events.KafkaClients;
import org.chorus.platform.events.TopicProvisioner;
import org.chorus.platform.events.consume.EventLoop;
import org.chorus.platform.events.consume.EventReceiver;
import org.chorus.platform.events.consume.EventRouting;
import org.chorus.platform.events.consume.LoopTimings;
import org.chorus.platform.events.contract.ApiKeyData;
import org.chorus.platform.events.contract.OrganisationData;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Keeps the gateway's copies of the directory current, the API keys and the organisations, each from its whole
 * compacted topic, read from the beginning without a consumer group for as long as the gateway runs: every gateway
 * replica needs every key and organisation. One bad event is skipped with a warning: it must not stop every other
 * record from being kept current.
 */
@ApplicationScoped
public class DirectoryReplicas {

    private static final Logger LOG = Logger.getLogger(DirectoryReplicas.class);

    private final KafkaClients clients;
    private final TopicProvisioner topics;
    private final LoopTimings timings;
    private final ObjectMapper mapper;
    private final MeterRegistry meters;
    private final EventLoop keys;
    private final EventLoop organisations;

    public DirectoryReplicas(KafkaClients clients, TopicProvisioner topics, GatewayConfig config, EventsConfig events,
            ObjectMapper mapper, MeterRegistry meters, ApiKeyCache keyCache, OrganisationCache organisationCache) {
        this.clients = clients;
        this.topics = topics;
        this.timings = new LoopTimings(config.keys().pollTimeout(), config.keys().checkInterval(), Duration.ofSeconds(1),
                events.brokerTimeout());
        this.mapper = mapper;
        this.meters = meters;
        EventReceiver<ApiKeyData> key = (data, event) -> keyCache.apply(identified(data, ApiKeyData::keyId),
                event.sequence());
        this.keys = reader("API key", routing("api-keys")
                .on(ChorusEventTypes.API_KEY_ISSUED, key)
                .on(ChorusEventTypes.API_KEY_REVOKED, key)
                .on(ChorusEventTypes.API_KEY_ROTATED, key));
        EventReceiver<OrganisationData> organisation = (data, event) -> organisationCache.apply(
                identified(data, OrganisationData::organisationId), event.sequence());
        this.organisations = reader("organisation", routing("organisations")
                .on(ChorusEventTypes.ORGANISATION_REGISTERED, organisation)
                .on(ChorusEventTypes.ORGANISATION_UPDATED, organisation)
                .on(ChorusEventTypes.ORGANISATION_DEACTIVATED, organisation));
    }

    void start(@Observes StartupEvent startup) {
        keys.start();
        organisations.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        keys.stop();
        organisations.stop();
    }

    /** Whether every key event that existed when the gateway started has been applied. */
    public boolean keysCaughtUp() {
        return keys.caughtUp();
    }

    /** Whether every organisation event that existed when the gateway started has been applied. */
    public boolean organisationsCaughtUp() {
        return organisations.caughtUp();
    }

    /** A routing whose skipped events are counted under the reader's name. */
    private EventRouting routing(String what) {
        return new EventRouting(mapper, meters.counter("chorus.events.skipped", "consumer", "gateway-" + what)::increment);
    }

    /** @param what what the topic holds, in words for logs ("API key", "organisation") */
    private EventLoop reader(String what, EventRouting routing) {
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

    /** An event without the id of what it is about cannot be applied; it is skipped like an unreadable one. */
    private static <T> T identified(T data, Function<T, ?> id) {
        if (id.apply(data) == null) {
            throw new IllegalArgumentException("no id in " + data);
        }
        return data;
    }
}
