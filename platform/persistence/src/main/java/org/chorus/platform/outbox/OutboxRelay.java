package org.chorus.platform.outbox;

import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.chorus.platform.events.KafkaClients;
import org.chorus.platform.worker.RoundsWorker;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Publishes outbox rows to Kafka in order and marks them published. Runs on its own thread so that no user request
 * ever waits for the broker; a commit wakes it at once, and it also polls for rows committed by other replicas.
 * While the broker is down, events wait in the outbox.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxRelayConfig config;
    private final OutboxStore store;
    private final OutboxPublisher publisher;
    private final KafkaClients clients;
    private final RoundsWorker worker;
    private final Counter failedRounds;
    private KafkaProducer<String, byte[]> producer;
    private long nextCleanup;

    public OutboxRelay(OutboxRelayConfig config, OutboxStore store, OutboxPublisher publisher, KafkaClients clients,
            MeterRegistry meters) {
        this.config = config;
        this.store = store;
        this.publisher = publisher;
        this.clients = clients;
        this.worker = new RoundsWorker("chorus-outbox-relay", config.pollInterval(), config.roundSpacing(),
                config.retryBackoff(), LOG, this::publishRound);
        Gauge.builder("chorus.outbox.backlog", store, s -> s.backlog(false))
                .description("Events committed but not yet acknowledged by the broker").register(meters);
        Gauge.builder("chorus.outbox.oldest.waiting.seconds", store, s -> s.backlog(true))
                .description("How long the oldest unpublished event has waited").register(meters);
        failedRounds = Counter.builder("chorus.outbox.failed.rounds")
                .description("Rounds in which the relay could not publish what waits (broker or database unreachable)")
                .register(meters);
    }

    void start(@Observes StartupEvent startup) {
        if (config.enabled()) {
            worker.start();
        }
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        worker.stop();
        producer = closeQuietly(producer);
    }

    /** Asks the relay to look for new rows now rather than at its next poll. */
    public void wake() {
        worker.wake();
    }

    private boolean publishRound() {
        try {
            if (producer == null) {
                producer = clients.producer("chorus-outbox-relay");
            }
            KafkaProducer<String, byte[]> current = producer;
            int published = store.publishBatch(config.batchSize(), config.lockWait(), rows -> publisher.publish(current, rows));
            if (System.currentTimeMillis() > nextCleanup) {
                store.deletePublishedBefore(config.retention());
                nextCleanup = System.currentTimeMillis() + TimeUnit.MINUTES.toMillis(10);
            }
            return published == config.batchSize();
        } catch (RuntimeException e) {
            failedRounds.increment();
            // a producer that failed may be stuck on a dead connection: the next round starts a fresh one
            producer = closeQuietly(producer);
            throw e;
        }
    }

    private static KafkaProducer<String, byte[]> closeQuietly(KafkaProducer<String, byte[]> producer) {
        if (producer != null) {
            try {
                producer.close(java.time.Duration.ofSeconds(1));
            } catch (RuntimeException ignored) {
                // closing a producer to a dead broker may complain; we are discarding it anyway
            }
        }
        return null;
    }

    /** Rows of one round, handed to the publisher; returns how many leading rows were published. */
    @FunctionalInterface
    interface BatchPublisher {
        int publish(List<OutboxRow> rows);
    }
}
