package org.chorus.platform.events;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates Chorus topics with several partitions before first use. Left to the broker, a topic would be auto-created
 * with one partition, and nothing may assume one partition.
 */
@ApplicationScoped
public class TopicProvisioner {

    private final KafkaClients clients;
    private final EventsConfig config;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    public TopicProvisioner(KafkaClients clients, EventsConfig config) {
        this.clients = clients;
        this.config = config;
    }

    /**
     * Makes sure every topic exists.
     *
     * @throws IllegalStateException if the broker could not be asked; the caller retries later
     */
    public void ensure(Collection<String> topics) {
        List<NewTopic> missing = topics.stream()
                .filter(t -> !known.contains(t))
                .map(t -> new NewTopic(t, config.partitions(), config.replicationFactor()))
                .toList();
        if (missing.isEmpty()) {
            return;
        }
        try (Admin admin = clients.admin("chorus-topic-provisioner")) {
            var results = admin.createTopics(missing).values();
            for (var entry : results.entrySet()) {
                awaitCreated(entry.getKey(), entry.getValue());
            }
        }
    }

    private void awaitCreated(String topic, org.apache.kafka.common.KafkaFuture<Void> future) {
        try {
            future.get(config.brokerTimeout().toMillis(), TimeUnit.MILLISECONDS);
            known.add(topic);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                known.add(topic);
            } else {
                throw new IllegalStateException("Could not create topic " + topic + ": " + e.getCause(), e);
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("Broker did not answer while creating topic " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topic " + topic, e);
        }
    }
}
