package org.chorus.platform.events.consume;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chorus.platform.events.ChorusEvent;
import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.events.EventEnvelope;
import org.chorus.platform.events.EventType;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Which receivers want which event types, and the one rule for every consumer about the rest: an event of a type that
 * no receiver here handles (one meant for another service, or a newer producer's) is skipped and counted, and logged
 * once per type if the catalogue does not know it; it stays on its topic for whoever understands it. Several receivers
 * may take the same type.
 */
public final class EventRouting {

    private static final Logger LOG = Logger.getLogger(EventRouting.class);

    private final ObjectMapper mapper;
    private final Map<String, List<Delivery<?>>> byType = new LinkedHashMap<>();
    private final Set<String> topics = new TreeSet<>();
    private final Set<String> skippedTypes = ConcurrentHashMap.newKeySet();
    private final Runnable onSkipped;

    /** @param onSkipped called for every event skipped because nothing here handles its type (a counter's increment) */
    public EventRouting(ObjectMapper mapper, Runnable onSkipped) {
        this.mapper = mapper;
        this.onSkipped = onSkipped;
    }

    /** Adds a receiver of one event type; the type's topic becomes one this routing reads. */
    public <T> EventRouting on(EventType<T> type, EventReceiver<T> receiver) {
        byType.computeIfAbsent(type.type(), t -> new ArrayList<>()).add(new Delivery<>(type, receiver));
        topics.add(type.topic());
        return this;
    }

    public Set<String> topics() {
        return topics;
    }

    public boolean isEmpty() {
        return byType.isEmpty();
    }

    /**
     * Reads a record and finds its receivers.
     *
     * @throws EventEnvelope.MalformedEventException if the record is not a Chorus event at all
     */
    public Routed route(ConsumerRecord<String, byte[]> record) {
        ChorusEvent event = EventEnvelope.fromRecord(record);
        List<Delivery<?>> deliveries = byType.getOrDefault(event.type(), List.of());
        if (deliveries.isEmpty()) {
            // A type of the catalogue is one meant for another service (a survey service reading deactivations on
            // directory.organisations skips registrations); only one this build does not know is worth a warning.
            if (ChorusEventTypes.byType(event.type()).isEmpty() && skippedTypes.add(event.type())) {
                LOG.warnf("Skipping events of type %s on %s: a type this build does not know, from a newer producer?"
                        + " (logged once per type)", event.type(), record.topic());
            }
            onSkipped.run();
        }
        return new Routed(event, deliveries);
    }

    /**
     * Gives a poll's events to their receivers in exactly the order one-by-one delivery would, but hands each run of
     * consecutive deliveries to one receiver over together: a busy topic whose events all go to one receiver becomes
     * a single call, while an event that another receiver must see in between (an erasure after a coding) still comes
     * in its place. The first receiver that throws stops the rest.
     */
    public void deliverTogether(List<Routed> events) {
        Batch<?> run = null;
        for (Routed routed : events) {
            for (Delivery<?> delivery : routed.deliveries) {
                if (run != null && run.receiver() != delivery.receiver()) {
                    run.deliver();
                    run = null;
                }
                run = append(run, delivery, routed.event);
            }
        }
        if (run != null) {
            run.deliver();
        }
    }

    @SuppressWarnings("unchecked")
    private <T> Batch<T> append(Batch<?> run, Delivery<T> delivery, ChorusEvent event) {
        Batch<T> batch = run == null ? new Batch<>(delivery.receiver()) : (Batch<T>) run;
        batch.events.add(new EventReceiver.Received<>(event.dataAs(mapper, delivery.type().dataClass()), event));
        return batch;
    }

    private record Batch<T>(EventReceiver<T> receiver, List<EventReceiver.Received<T>> events) {
        Batch(EventReceiver<T> receiver) {
            this(receiver, new ArrayList<>());
        }

        void deliver() {
            receiver.receiveAll(events);
        }
    }

    /** An event and the receivers it goes to; none when its type is skipped. */
    public final class Routed {

        private final ChorusEvent event;
        private final List<Delivery<?>> deliveries;

        private Routed(ChorusEvent event, List<Delivery<?>> deliveries) {
            this.event = event;
            this.deliveries = deliveries;
        }

        public ChorusEvent event() {
            return event;
        }

        public boolean skipped() {
            return deliveries.isEmpty();
        }

        /** Gives the event to each receiver in the order they were added; the first that throws stops the rest. */
        public void deliver() {
            for (Delivery<?> delivery : deliveries) {
                delivery.deliver(event, mapper);
            }
        }
    }

    private record Delivery<T>(EventType<T> type, EventReceiver<T> receiver) {
        void deliver(ChorusEvent event, ObjectMapper mapper) {
            receiver.receive(event.dataAs(mapper, type.dataClass()), event);
        }
    }
}
