package org.chorus.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.sun.management.OperatingSystemMXBean;

/**
 * Processor time per event for each producer compression, at a fixed load: the same events published, stored and
 * consumed with the producer and consumer settings the services use, counted on the broker and in this process.
 * GatewayBench's per-part figures move more from run to run than compression could change them, so this settles it.
 * Runs against a running broker (`./chorus up`'s by default); arguments: events per round (default 200000), rounds
 * per compression (default 7), bootstrap servers (default 127.0.0.1:59092).
 */
public final class EventCompressionBench {

    private static final List<String> COMPRESSIONS = List.of("lz4", "none");

    private EventCompressionBench() {
    }

    public static void main(String[] args) throws Exception {
        String[] words = String.join(" ", args).trim().split("\\s+");
        int events = words.length > 0 && !words[0].isEmpty() ? Integer.parseInt(words[0]) : 200_000;
        int rounds = words.length > 1 ? Integer.parseInt(words[1]) : 7;
        String bootstrap = words.length > 2 ? words[2] : "127.0.0.1:59092";
        ProcessHandle broker = ProcessHandle.allProcesses().filter(EventCompressionBench::isBroker)
                .findFirst().orElseThrow(() -> new IllegalStateException("No Kafka broker runs here"));
        System.out.printf("%d events a round, %d rounds each, broker pid %d%n", events, rounds, broker.pid());
        // Unprinted: the first rounds of each mostly pay for the JIT compiling the clients and the broker's path.
        for (String compression : COMPRESSIONS) {
            round(bootstrap, compression, events, broker);
        }
        for (int r = 0; r < rounds; r++) {
            for (String compression : COMPRESSIONS) {
                double[] cpu = round(bootstrap, compression, events, broker);
                System.out.printf("  %-5s producer+consumer %.1f µs/event, broker %.1f µs/event, total %.1f µs/event%n",
                        compression, cpu[0], cpu[1], cpu[0] + cpu[1]);
            }
        }
    }

    /** From /proc: the JDK leaves out a command line as long as the broker's class path. */
    private static boolean isBroker(ProcessHandle process) {
        try {
            byte[] commandLine = Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline"));
            return new String(commandLine, StandardCharsets.UTF_8).contains("\0kafka.Kafka\0");
        } catch (IOException e) {
            return false;
        }
    }

    /** @return this process's and the broker's processor microseconds per event */
    private static double[] round(String bootstrap, String compression, int events, ProcessHandle broker)
            throws Exception {
        String topic = "compression-bench-" + UUID.randomUUID();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long ownBefore = os.getProcessCpuTime();
        Duration brokerBefore = broker.info().totalCpuDuration().orElseThrow();
        try (KafkaProducer<String, byte[]> producer = producer(bootstrap, compression);
                KafkaConsumer<String, byte[]> consumer = consumer(bootstrap)) {
            UUID survey = UUID.randomUUID();
            for (int i = 0; i < events; i++) {
                producer.send(new ProducerRecord<>(topic, survey.toString(), event(survey)));
                if (i % 500 == 499) {
                    producer.flush();
                }
            }
            producer.flush();
            consumer.subscribe(List.of(topic));
            long read = 0;
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (read < events && System.nanoTime() < deadline) {
                read += consumer.poll(Duration.ofMillis(500)).count();
                consumer.commitSync();
            }
            if (read != events) {
                throw new IllegalStateException("Read " + read + " of " + events + " events");
            }
        }
        double own = (os.getProcessCpuTime() - ownBefore) / 1e3 / events;
        double onBroker = broker.info().totalCpuDuration().orElseThrow().minus(brokerBefore).toNanos() / 1e3 / events;
        // The developer's broker keeps nothing of the bench.
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.deleteTopics(List.of(topic)).all().get();
        }
        return new double[] { own, onBroker };
    }

    /** A ResponseSubmitted event's data as the survey service writes it: ids do not compress, names do. */
    private static byte[] event(UUID survey) {
        return ("{\"responseId\":\"" + UUID.randomUUID() + "\",\"surveyId\":\"" + survey + "\",\"surveyVersion\":1,"
                + "\"surveyOrganisationId\":\"9a0522d2-14ce-4e71-b169-247f58d2798e\",\"viaOrganisationId\":\""
                + "3593323c-fb15-4a49-bd8d-f64dfeb6ccc5\",\"placeCode\":\"lancashire\",\"channel\":\"ONLINE\","
                + "\"submittedAt\":\"" + Instant.now() + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    /** KafkaClients' producer settings, but for the compression. */
    private static KafkaProducer<String, byte[]> producer(String bootstrap, String compression) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression);
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    /** KafkaClients' consumer settings. */
    private static KafkaConsumer<String, byte[]> consumer(String bootstrap) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "compression-bench-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
