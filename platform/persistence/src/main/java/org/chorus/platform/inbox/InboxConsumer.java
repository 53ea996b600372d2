package org.chorus.platform.inbox;

import java.time.Duration;
import java.util.List;
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
 * exactly once: the event id and its effect commit together, and offsets are committed only afterwards. A poll's
 * events are applied in one transaction, so a busy topic costs one commit per poll rather than one per event. An event
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
        this.loop = EventLoop.inGroup("chorus-inbox-" + group, group, routing.topics(), this::apply, clients, topics,
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

    /** A record as read: its event and receivers, or why it is not an event at all. */
    private record Polled(ConsumerRecord<String, byte[]> record, EventRouting.Routed routed, String unreadable) {
    }

    /**
     * Applies a poll's events together; if one of them cannot be applied, the transaction is undone and they are
     * applied one at a time, so that only that one is parked.
     */
    private void apply(List<ConsumerRecord<String, byte[]>> records) {
        List<Polled> polled = records.stream().map(this::read).toList();
        boolean allReadable = polled.stream().allMatch(p -> p.unreadable() == null);
        if (polled.size() == 1 || !allReadable || !applyTogether(polled)) {
            polled.forEach(this::applyAlone);
        }
    }

    private Polled read(ConsumerRecord<String, byte[]> record) {
        try {
            return new Polled(record, routing.route(record), null);
        } catch (EventEnvelope.MalformedEventException e) {
            return new Polled(record, null, e.getMessage());
        }
    }

    /** @return false when an event in the poll cannot be applied (and nothing of the poll was) */
    private boolean applyTogether(List<Polled> polled) {
        try {
            QuarkusTransaction.requiringNew().run(() -> applyFirstDeliveries(polled));
            return true;
        } catch (RuntimeException e) {
            if (InfrastructureFailures.isTransient(e)) {
                // Not the events' fault: stop here, uncommitted, and let the loop deliver them again.
                throw new IllegalStateException("cannot apply events now: " + e.getMessage(), e);
            }
            return false;
        }
    }

    private void applyAlone(Polled polled) {
        if (polled.unreadable() != null) {
            LOG.warnf("Unreadable event %s parked as a dead letter: %s", EventEnvelope.describe(polled.record()),
                    polled.unreadable());
            deadLetters.park(polled.record(), "unreadable: " + polled.unreadable());
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> applyFirstDelivery(polled));
        } catch (RuntimeException e) {
            if (InfrastructureFailures.isTransient(e)) {
                throw new IllegalStateException("cannot apply events now: " + e.getMessage(), e);
            }
            ChorusEvent event = polled.routed().event();
            String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.warnf("Event %s (%s) parked as a dead letter: %s", event.id(), event.type(), reason);
            deadLetters.park(polled.record(), reason);
        }
    }

    /**
     * Records a poll's events in the inbox in one statement and gives those not applied before to their handlers
     * together: a few round trips to the database per poll rather than two per event, which a busy topic waits for.
     */
    private void applyFirstDeliveries(List<Polled> polled) {
        List<Polled> routed = polled.stream().filter(p -> !p.routed().skipped()).toList();
        if (routed.isEmpty()) {
            return;
        }
        Set<String> first = inbox.recordFirstDeliveries(group, routed.stream().map(p -> p.routed().event().id()).toList(),
                routed.stream().map(p -> p.record().topic()).toList());
        // remove(): an event sent twice within one poll is applied once
        routing.deliverTogether(routed.stream().filter(p -> first.remove(p.routed().event().id()))
                .map(Polled::routed).toList());
    }

    /** Records the event in the inbox and gives it to its handlers, unless this consumer has applied it already. */
    private void applyFirstDelivery(Polled polled) {
        if (polled.routed().skipped()) {
            return;
        }
        ChorusEvent event = polled.routed().event();
        if (event.requestId() != null) {
            MDC.put(RequestIds.MDC_KEY, event.requestId());
        }
        try {
            if (inbox.recordFirstDelivery(group, event.id(), polled.record().topic())) {
                polled.routed().deliver();
            }
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
    }
}
