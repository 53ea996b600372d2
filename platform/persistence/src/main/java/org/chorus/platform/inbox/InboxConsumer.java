package org.chorus.platform.inbox;

import java.time.Duration;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chorus.platform.events.ChorusEvent;
import org.chorus.platform.events.EventEnvelope;
import org.chorus.platform.events.EventType;
import org.chorus.platform.events.EventsConfig;
import org.chorus.platform.events.KafkaClients;
import org.chorus.platform.events.TopicProvisioner;
import org.chorus.platform.events.consume.EventLoop;
import org.chorus.platform.events.consume.EventRouting;
import org.chorus.platform.events.consume.LoopTimings;
import org.chorus.platform.web.RequestIds;
import org.chorus.platform.web.problem.InfrastructureFailures;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Feeds the service's {@link EventHandler}s from Kafka with one consumer group per service, applying each event
 * exactly once: the event id and its effect commit together, and offsets are committed only afterwards. An event
 * that cannot be applied is parked on its topic's dead-letter topic with the reason, and consumption goes on.
 */
@ApplicationScoped
public class InboxConsumer {

    private static final Logger LOG = Logger.getLogger(InboxConsumer.class);

    private final EventRouting routing;
    private final InboxStore inbox;
    private final DeadLetters deadLetters;
    private final String group;
    private final EventLoop loop;

    public InboxConsumer(@Any Instance<EventHandler<?>> handlers, KafkaClients clients, TopicProvisioner topics,
            InboxStore inbox, EventsConfig config, MeterRegistry meters, ObjectMapper mapper,
            @ConfigProperty(name = "quarkus.application.name") String application) {
        this.inbox = inbox;
        this.group = config.consumerGroup().orElse(application);
        this.routing = new EventRouting(mapper, meters.counter("chorus.events.skipped", "consumer", group)::increment);
        handlers.forEach(handler -> register(routing, handler));
        this.deadLetters = new DeadLetters(clients, topics, group, meters);
        routing.topics().forEach(deadLetters::deadLettered);
        this.loop = EventLoop.inGroup("chorus-inbox-" + group, group, routing.topics(), this::process, clients, topics,
                new LoopTimings(Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofSeconds(2),
                        config.brokerTimeout()));
    }

    private static <T> void register(EventRouting routing, EventHandler<T> handler) {
        for (EventType<T> type : handler.types()) {
            routing.on(type, handler);
        }
    }

    void start(@Observes StartupEvent startup) {
        if (!routing.isEmpty()) {
            loop.start();
        }
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        loop.stop();
        deadLetters.close();
    }

    /** The topics this service consumes. */
    public Set<String> topics() {
        return routing.topics();
    }

    private void process(ConsumerRecord<String, byte[]> record) {
        EventRouting.Routed routed;
        try {
            routed = routing.route(record);
        } catch (EventEnvelope.MalformedEventException e) {
            LOG.warnf("Unreadable event %s parked as a dead letter: %s", EventEnvelope.describe(record), e.getMessage());
            deadLetters.park(record, "unreadable: " + e.getMessage());
            return;
        }
        if (routed.skipped()) {
            return;
        }
        ChorusEvent event = routed.event();
        if (event.requestId() != null) {
            MDC.put(RequestIds.MDC_KEY, event.requestId());
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                if (inbox.recordFirstDelivery(group, event.id(), record.topic())) {
                    routed.deliver();
                }
            });
        } catch (RuntimeException e) {
            if (InfrastructureFailures.isTransient(e)) {
                // Not the event's fault: stop here, uncommitted, and let the loop deliver it again.
                throw new IllegalStateException("cannot apply events now: " + e.getMessage(), e);
            }
            String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.warnf("Event %s (%s) parked as a dead letter: %s", event.id(), event.type(), reason);
            deadLetters.park(record, reason);
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
    }
}
