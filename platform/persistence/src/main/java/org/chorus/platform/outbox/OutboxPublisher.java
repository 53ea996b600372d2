package org.chorus.platform.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.chorus.platform.events.ChorusEvent;
import org.chorus.platform.events.EventEnvelope;
import org.chorus.platform.events.KafkaClients;
import org.chorus.platform.events.TopicProvisioner;
import org.eclipse.microprofile.config.inject.ConfigProperty;


/** Sends one round of outbox rows as CloudEvents and waits until the broker has acknowledged them. */
@ApplicationScoped
class OutboxPublisher {

    private final TopicProvisioner topics;
    private final Duration acknowledgementWait;
    private final String source;

    OutboxPublisher(TopicProvisioner topics, KafkaClients clients,
            @ConfigProperty(name = "quarkus.application.name") String application) {
        this.topics = topics;
        this.acknowledgementWait = clients.acknowledgementWait();
        this.source = "/chorus/" + application;
    }

    /**
     * A producer that failed a row, or did not have it acknowledged within {@link KafkaClients#acknowledgementWait()},
     * is closed at once, before this throws: it may still hold later rows of the same aggregates, and those must not
     * reach the topic ahead of the failed row, which the next round sends again.
     *
     * @return how many rows were acknowledged, all of them unless this throws
     * @throws PartialPublishException naming how many leading rows were acknowledged before the first failure
     */
    int publish(KafkaProducer<String, byte[]> producer, List<OutboxRow> rows) {
        topics.ensure(rows.stream().map(OutboxRow::topic).distinct().toList());
        try {
            return sendAll(producer, rows);
        } catch (PartialPublishException e) {
            producer.close(Duration.ZERO);
            throw e;
        }
    }

    private int sendAll(KafkaProducer<String, byte[]> producer, List<OutboxRow> rows) {
        List<Future<RecordMetadata>> acknowledgements = new ArrayList<>(rows.size());
        long deadline = System.nanoTime() + acknowledgementWait.toNanos();
        try {
            for (OutboxRow row : rows) {
                acknowledgements.add(producer.send(EventEnvelope.toRecord(row.topic(), toEvent(row))));
            }
        } catch (RuntimeException e) {
            // send() itself failed (metadata unavailable): what was already handed over is still awaited below.
            return awaitAll(acknowledgements, deadline, e);
        }
        return awaitAll(acknowledgements, deadline, null);
    }

    private int awaitAll(List<Future<RecordMetadata>> acknowledgements, long deadline, RuntimeException sendFailure) {
        for (int i = 0; i < acknowledgements.size(); i++) {
            try {
                acknowledgements.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                throw new PartialPublishException(i, e.getCause());
            } catch (TimeoutException e) {
                throw new PartialPublishException(i, new TimeoutException(
                        "not acknowledged within " + acknowledgementWait.toMillis() + " ms"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PartialPublishException(i, e);
            }
        }
        if (sendFailure != null) {
            throw new PartialPublishException(acknowledgements.size(), sendFailure);
        }
        return acknowledgements.size();
    }

    private ChorusEvent toEvent(OutboxRow row) {
        return new ChorusEvent(row.eventId(), row.eventType(), source, row.occurredAt(), row.aggregateId(),
                row.position(), row.requestId(), row.data());
    }
}
