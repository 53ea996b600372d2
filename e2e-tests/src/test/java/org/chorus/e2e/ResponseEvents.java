package org.chorus.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the survey service's response events, the one published place that says through which organisation's
 * website or staff a response came (exports leave that out).
 */
final class ResponseEvents {

    private static final String TOPIC = "survey.responses";
    private static final String SUBMITTED = "chorus.survey.ResponseSubmitted.v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ResponseEvents() {
    }

    /**
     * The data of the ResponseSubmitted event of a response, read from the start of the topic.
     *
     * @throws AssertionError when it has not been published within the timeout
     */
    static JsonNode submitted(String responseId, Duration timeout) throws Exception {
        Properties config = new Properties();
        config.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SystemUnderTest.stack().kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"));
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                    .map(p -> new TopicPartition(TOPIC, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> event : consumer.poll(Duration.ofMillis(200))) {
                    JsonNode data = JSON.readTree(event.value());
                    if (SUBMITTED.equals(type(event)) && responseId.equals(data.path("responseId").asText())) {
                        return data;
                    }
                }
            }
        }
        throw new AssertionError("No " + SUBMITTED + " event for response " + responseId + " within " + timeout);
    }

    private static String type(ConsumerRecord<String, String> event) {
        Header type = event.headers().lastHeader("ce_type");
        return type == null ? null : new String(type.value(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
