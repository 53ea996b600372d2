package org.chorus.platform.inbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.errors.WakeupException;
import org.chorus.platform.events.ChorusEvent;
import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.events.EventEnvelope;
import org.chorus.platform.events.EventsConfig;
import org.chorus.platform.events.KafkaClients;
import org.chorus.platform.events.TopicProvisioner;
import org.chorus.platform.web.RequestIds;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Feeds the service's {@link EventHandler}s from Kafka with one consumer group per service, applying each event
 * exactly once: the event id and its effect commit together, and offsets are committed only afterwards.
 */
@ApplicationScoped
public class InboxConsumer {

    private static final Logger LOG = Logger.getLogger(InboxConsumer.class);

    private final Map<String, EventHandler> handlersByTopic = new HashMap<>();
    private final KafkaClients clients;
    private final TopicProvisioner topics;
    private final InboxStore inbox;
    private final String group;
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> current;
    private Thread thread;

    public InboxConsumer(Instance<EventHandler> handlers, KafkaClients clients, TopicProvisioner topics,
            InboxStore inbox, EventsConfig config,
            @ConfigProperty(name = "quarkus.application.name") String application) {
        this.clients = clients;
        this.topics = topics;
        this.inbox = inbox;
        this.group = config.consumerGroup().orElse(application);
        for (EventHandler handler : handlers) {
            handler.topics().forEach(topic -> handlersByTopic.put(topic, handler));
        }
    }

    void start(@Observes StartupEvent startup) {
        if (handlersByTopic.isEmpty()) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "chorus-inbox-consumer");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        KafkaConsumer<String, byte[]> consumer = current;
        if (consumer != null) {
            // wakeup() ends a blocking poll cleanly; interrupting would break an offset commit half way.
            consumer.wakeup();
        }
        if (thread != null) {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, byte[]> consumer = clients.consumer("chorus-inbox-" + group, group);
                    KafkaProducer<String, byte[]> producer = clients.producer("chorus-dlq-" + group)) {
                List<String> needed = new ArrayList<>(handlersByTopic.keySet());
                handlersByTopic.keySet().forEach(t -> needed.add(ChorusEventTypes.deadLetterTopic(t)));
                topics.ensure(needed);
                consumer.subscribe(handlersByTopic.keySet());
                current = consumer;
                consume(consumer, new DeadLetters(producer, group));
            } catch (WakeupException | org.apache.kafka.common.errors.InterruptException e) {
                running = false;
            } catch (RuntimeException e) {
                // Uncommitted offsets are redelivered after the restart; the inbox makes that harmless.
                LOG.warnf("Inbox consumer %s restarts after: %s", group, e.getMessage());
                pause();
            } finally {
                current = null;
            }
        }
    }

    private void consume(KafkaConsumer<String, byte[]> consumer, DeadLetters deadLetters) {
        while (running) {
            var records = consumer.poll(Duration.ofMillis(500));
            for (ConsumerRecord<String, byte[]> record : records) {
                process(record, deadLetters);
            }
            if (!records.isEmpty()) {
                consumer.commitSync();
            }
        }
    }

    private void process(ConsumerRecord<String, byte[]> record, DeadLetters deadLetters) {
        ChorusEvent event;
        try {
            event = EventEnvelope.fromRecord(record);
        } catch (RuntimeException e) {
            LOG.warnf("Unreadable event %s parked as a dead letter: %s", EventEnvelope.describe(record), e.getMessage());
            deadLetters.park(record, "unreadable: " + e.getMessage());
            return;
        }
        EventHandler handler = handlersByTopic.get(record.topic());
        if (event.requestId() != null) {
            MDC.put(RequestIds.MDC_KEY, event.requestId());
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                if (inbox.recordFirstDelivery(group, event.id(), record.topic())) {
                    handler.handle(event);
                }
            });
        } catch (RuntimeException e) {
            if (TransientFailures.isTransient(e)) {
                // Not the event's fault: stop here, uncommitted, and let the restart deliver it again.
                throw new IllegalStateException("cannot apply events now: " + e.getMessage(), e);
            }
            String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.warnf("Event %s (%s) parked as a dead letter: %s", event.id(), event.type(), reason);
            deadLetters.park(record, reason);
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
    }

    private void pause() {
        try {
            Thread.sleep(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
