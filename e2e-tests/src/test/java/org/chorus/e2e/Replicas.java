package org.chorus.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.common.TopicPartition;
import org.chorus.localstack.RunningStack;
import org.chorus.localstack.ServiceReplica;

/** What each replica of a service did, asked of the replica itself or of the broker. */
final class Replicas {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Replicas() {
    }

    /**
     * How many requests the replica answered for one route since it started, from its own Prometheus metrics (on its
     * management port).
     *
     * @param route the route as the metrics name it, e.g. {@code /api/v1/surveys/{surveyId}/responses}
     */
    static long requestsServed(RunningStack stack, ServiceReplica replica, String method, String route)
            throws IOException, InterruptedException {
        URI metrics = stack.managementUrl(replica).resolve("/q/metrics");
        String body = HTTP.send(HttpRequest.newBuilder(metrics).GET().build(), HttpResponse.BodyHandlers.ofString())
                .body();
        return body.lines()
                .filter(line -> line.startsWith("http_server_requests_seconds_count{"))
                .filter(line -> line.contains("uri=\"" + route + "\"") && line.contains("method=\"" + method + "\""))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    /**
     * The producers that wrote to the topic at or after a moment, by producer id: each relay's idempotent producer
     * has its own, so two ids in a window without restarts are two relays publishing.
     */
    static Set<Long> producersSince(RunningStack stack, String topic, Instant since)
            throws InterruptedException, ExecutionException {
        try (Admin admin = admin(stack)) {
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                    .partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            return admin.describeProducers(partitions).all().get().values().stream()
                    .flatMap(state -> state.activeProducers().stream())
                    .filter(producer -> producer.lastTimestamp() >= since.toEpochMilli())
                    .map(ProducerState::producerId).collect(Collectors.toSet());
        }
    }

    /** The members of a consumer group, each with the partitions of the topic it was assigned. */
    static Map<String, List<Integer>> partitionsByMember(RunningStack stack, String group, String topic)
            throws InterruptedException, ExecutionException {
        try (Admin admin = admin(stack)) {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all().get()
                    .get(group);
            return description.members().stream().collect(Collectors.toMap(
                    MemberDescription::consumerId,
                    member -> member.assignment().topicPartitions().stream()
                            .filter(p -> p.topic().equals(topic)).map(p -> p.partition()).sorted().toList()));
        }
    }

    private static Admin admin(RunningStack stack) {
        return Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.kafkaBootstrapServers()));
    }
}
