package org.chorus.platform.events;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates Chorus topics with several partitions before first use. Left to the broker, a topic would be auto-created
 * with one partition, and nothing may assume one partition. State topics are compacted, also when they already
 * existed with the broker's default of deleting after a week (an installation from before they were compacted).
 */
@ApplicationScoped
public class TopicProvisioner {

    private final KafkaClients clients;
    private final EventsConfig config;
    private static final Map<String, String> COMPACTED = Map.of(TopicConfig.CLEANUP_POLICY_CONFIG,
            TopicConfig.CLEANUP_POLICY_COMPACT);

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
                .map(this::newTopic)
                .toList();
        if (missing.isEmpty()) {
            return;
        }
        try (Admin admin = clients.admin("chorus-topic-provisioner")) {
            var results = admin.createTopics(missing).values();
            for (var entry : results.entrySet()) {
                awaitCreated(admin, entry.getKey(), entry.getValue());
            }
        }
    }

    private NewTopic newTopic(String topic) {
        NewTopic created = new NewTopic(topic, config.partitions(), config.replicationFactor());
        return ChorusEventTypes.isStateTopic(topic) ? created.configs(COMPACTED) : created;
    }

    private void awaitCreated(Admin admin, String topic, KafkaFuture<Void> future) {
        try {
            await(topic, future);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Could not create topic " + topic + ": " + e.getCause(), e);
            }
            if (ChorusEventTypes.isStateTopic(topic)) {
                compact(admin, topic);
            }
        }
        known.add(topic);
    }

    private void compact(Admin admin, String topic) {
        var policy = new AlterConfigOp(new ConfigEntry(TopicConfig.CLEANUP_POLICY_CONFIG,
                TopicConfig.CLEANUP_POLICY_COMPACT), AlterConfigOp.OpType.SET);
        var resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        try {
            await(topic, admin.incrementalAlterConfigs(Map.of(resource, List.of(policy))).all());
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not compact topic " + topic + ": " + e.getCause(), e);
        }
    }

    private void await(String topic, KafkaFuture<Void> future) throws ExecutionException {
        try {
            future.get(config.brokerTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Broker did not answer while creating topic " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topic " + topic, e);
        }
    }
}
