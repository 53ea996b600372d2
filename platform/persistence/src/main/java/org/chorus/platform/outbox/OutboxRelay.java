package org.chorus.platform.outbox;

import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.chorus.platform.events.KafkaClients;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Publishes outbox rows to Kafka in order and marks them published. Runs on its own thread so that no user request
 * ever waits for the broker; a commit wakes it at once, and it also polls for rows committed by other replicas.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxRelayConfig config;
    private final OutboxStore store;
    private final OutboxPublisher publisher;
    private final KafkaClients clients;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    public OutboxRelay(OutboxRelayConfig config, OutboxStore store, OutboxPublisher publisher, KafkaClients clients) {
        this.config = config;
        this.store = store;
        this.publisher = publisher;
        this.clients = clients;
    }

    void start(@Observes StartupEvent startup) {
        if (!config.enabled()) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "chorus-outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        if (thread != null) {
            wake();
            thread.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    /** Asks the relay to look for new rows now rather than at its next poll. */
    public void wake() {
        wakeUp.release();
    }

    private void run() {
        KafkaProducer<String, byte[]> producer = null;
        long nextCleanup = 0;
        boolean brokerWasDown = false;
        while (running) {
            try {
                if (producer == null) {
                    producer = clients.producer("chorus-outbox-relay");
                }
                KafkaProducer<String, byte[]> current = producer;
                int published = store.publishBatch(config.batchSize(), rows -> publisher.publish(current, rows));
                if (brokerWasDown) {
                    LOG.info("Outbox relay is publishing again");
                    brokerWasDown = false;
                }
                if (System.currentTimeMillis() > nextCleanup) {
                    store.deletePublishedBefore(config.retention());
                    nextCleanup = System.currentTimeMillis() + TimeUnit.MINUTES.toMillis(10);
                }
                if (published < config.batchSize()) {
                    awaitWork(config.pollInterval().toMillis());
                }
            } catch (RuntimeException e) {
                if (!brokerWasDown) {
                    LOG.warnf("Outbox relay cannot publish yet, events wait in the outbox: %s", e.getMessage());
                    brokerWasDown = true;
                }
                producer = closeQuietly(producer);
                awaitWork(config.retryBackoff().toMillis());
            }
        }
        closeQuietly(producer);
    }

    private void awaitWork(long millis) {
        try {
            wakeUp.tryAcquire(millis, TimeUnit.MILLISECONDS);
            wakeUp.drainPermits();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
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
