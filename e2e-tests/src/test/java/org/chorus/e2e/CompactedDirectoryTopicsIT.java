package org.chorus.e2e;

import static org.awaitility.Awaitility.await;
import static org.chorus.e2e.SystemUnderTest.admin;
import static org.chorus.e2e.SystemUnderTest.as;
import static org.chorus.e2e.SystemUnderTest.stack;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.chorus.localstack.ChorusService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The directory topics every gateway rebuilds its caches from are compacted, not deleted after a week: a gateway started
 * after the superseded events were compacted away still knows every active key and refuses every revoked one.
 */
@Isolated("stops parts of the shared system")
class CompactedDirectoryTopicsIT {

    private static final List<String> STATE_TOPICS = List.of("directory.api-keys", "directory.organisations");

    @Test
    void aGatewayStartedAfterCompactionKnowsEveryActiveKeyAndRefusesEveryRevokedOne() throws Exception {
        String organisation = Directory.registerOrganisation("Healthwatch Lancashire " + UUID.randomUUID(), "HEALTHWATCH");
        List<String> active = new ArrayList<>();
        List<String[]> revoked = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            active.add(Directory.issueSecretKey(organisation, "insights:read")[1]);
            revoked.add(Directory.issueSecretKey(organisation, "insights:read"));
        }
        for (String[] key : revoked) {
            as(admin()).when().post("/api/v1/api-keys/" + key[0] + "/revoke").then().statusCode(200);
        }

        try (Admin admin = kafkaAdmin()) {
            for (String topic : STATE_TOPICS) {
                assertEquals(TopicConfig.CLEANUP_POLICY_COMPACT, cleanupPolicy(admin, topic), topic);
            }
            compactSoon(admin);
        }
        // The cleaner never touches the segment being written; each new key rolls the old one so it can be cleaned.
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            Directory.issueSecretKey(organisation, "insights:read");
            return revoked.stream().allMatch(key -> recordsOf(key[0]) == 1);
        });

        stack().stopService(ChorusService.GATEWAY);
        stack().startService(ChorusService.GATEWAY);

        for (String secret : active) {
            as(secret).when().get("/api/v1/organisations").then().statusCode(200);
        }
        for (String[] key : revoked) {
            as(key[1]).when().get("/api/v1/organisations").then().statusCode(401);
        }
    }

    private static Admin kafkaAdmin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack().kafkaBootstrapServers()));
    }

    private static String cleanupPolicy(Admin admin, String topic) throws Exception {
        var resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get().get(resource)
                .get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
    }

    /** Small segments and an eager cleaner, so that compaction happens within seconds rather than within days. */
    private static void compactSoon(Admin admin) throws Exception {
        Map<ConfigResource, java.util.Collection<AlterConfigOp>> changes = new HashMap<>();
        for (String topic : STATE_TOPICS) {
            changes.put(new ConfigResource(ConfigResource.Type.TOPIC, topic), List.of(
                    set(TopicConfig.SEGMENT_MS_CONFIG, "100"),
                    set(TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG, "0.001")));
        }
        // The cleaner looks for work every 15 s by default; the test would spend most of its time waiting for it.
        changes.put(new ConfigResource(ConfigResource.Type.BROKER, ""), List.of(set("log.cleaner.backoff.ms", "200")));
        admin.incrementalAlterConfigs(changes).all().get();
    }

    private static AlterConfigOp set(String name, String value) {
        return new AlterConfigOp(new ConfigEntry(name, value), AlterConfigOp.OpType.SET);
    }

    /** How many records of one key are left on the API key topic. */
    private static long recordsOf(String keyId) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack().kafkaBootstrapServers());
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor("directory.api-keys").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long count = 0;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    if (keyId.equals(record.key())) {
                        count++;
                    }
                }
            }
            return count;
        }
    }
}
