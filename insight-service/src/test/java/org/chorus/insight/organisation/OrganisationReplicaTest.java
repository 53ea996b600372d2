package org.chorus.insight.organisation;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.chorus.platform.events.ChorusEvent;
import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.events.EventEnvelope;
import org.chorus.platform.events.contract.OrganisationData;
import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.platform.testing.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The replica follows directory events through the inbox: once each, in order, with poison parked aside. */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class OrganisationReplicaTest {

    private static final AtomicLong SEQUENCE = new AtomicLong(1_000);

    @Inject
    OrganisationReplicaRepository replicas;

    @Inject
    ObjectMapper objectMapper;

    private KafkaProducer<String, byte[]> producer;

    @BeforeEach
    void connect() {
        Properties props = new Properties();
        props.put("bootstrap.servers", TestInfrastructure.get().kafkaBootstrapServers());
        producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    @AfterEach
    void disconnect() {
        producer.close();
    }

    @Test
    void registeredUpdatedAndDeactivatedOrganisationsAreFollowed() throws Exception {
        UUID id = UUID.randomUUID();
        publish(event(UUID.randomUUID(), ChorusEventTypes.ORGANISATION_REGISTERED.type(), data(id, "Healthwatch Lancashire", true)));
        awaitReplica(id, r -> r.name.equals("Healthwatch Lancashire"));

        publish(event(UUID.randomUUID(), ChorusEventTypes.ORGANISATION_DEACTIVATED.type(), data(id, "Healthwatch Lancashire", false)));
        awaitReplica(id, r -> !r.active);
        assertTrue(inTransaction(() -> replicas.findActive(id)).isEmpty());
    }

    @Test
    void aRedeliveredEventChangesNothing() throws Exception {
        UUID id = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        publish(event(first, ChorusEventTypes.ORGANISATION_REGISTERED.type(), data(id, "Blackpool Council", true)));
        awaitReplica(id, r -> r.name.equals("Blackpool Council"));

        // The same event id again, even carrying other data and a higher sequence, is recognised and skipped.
        publish(event(first, ChorusEventTypes.ORGANISATION_UPDATED.type(), data(id, "Tampered Name", true)));
        publish(event(UUID.randomUUID(), ChorusEventTypes.ORGANISATION_UPDATED.type(), data(id, "Blackpool Council", false)));
        awaitReplica(id, r -> !r.active);
        assertEquals("Blackpool Council", inTransaction(() -> replicas.findById(id)).name);
    }

    @Test
    void anOlderEventArrivingLateDoesNotUndoANewerOne() throws Exception {
        UUID id = UUID.randomUUID();
        ChorusEvent older = event(UUID.randomUUID(), ChorusEventTypes.ORGANISATION_REGISTERED.type(), data(id, "Old Name", true));
        ChorusEvent newer = event(UUID.randomUUID(), ChorusEventTypes.ORGANISATION_UPDATED.type(), data(id, "New Name", true));
        publish(newer);
        awaitReplica(id, r -> r.name.equals("New Name"));
        publish(older);
        ChorusEvent marker = event(UUID.randomUUID(), ChorusEventTypes.ORGANISATION_REGISTERED.type(), data(UUID.randomUUID(), "Marker", true));
        publish(marker);
        awaitReplica(UUID.fromString(marker.aggregateId()), r -> true);
        assertEquals("New Name", inTransaction(() -> replicas.findById(id)).name);
    }

    @Test
    void unreadableEventsGoToTheDeadLetterTopicAndConsumptionGoesOn() throws Exception {
        String poisonKey = UUID.randomUUID().toString();
        producer.send(new ProducerRecord<>(ChorusEventTypes.DIRECTORY_ORGANISATIONS, poisonKey,
                "not a cloud event".getBytes(StandardCharsets.UTF_8))).get();
        UUID id = UUID.randomUUID();
        ChorusEvent badData = new ChorusEvent(UUID.randomUUID().toString(), ChorusEventTypes.ORGANISATION_UPDATED.type(),
                "/chorus/test", OffsetDateTime.now(), id.toString(), SEQUENCE.incrementAndGet(), null,
                "{\"organisationId\": 42".getBytes(StandardCharsets.UTF_8));
        publish(badData);
        UUID after = UUID.randomUUID();
        publish(event(UUID.randomUUID(), ChorusEventTypes.ORGANISATION_REGISTERED.type(), data(after, "Healthwatch Cumbria", true)));

        awaitReplica(after, r -> r.name.equals("Healthwatch Cumbria"));
        List<String> reasons = deadLetterReasons(List.of(poisonKey, id.toString()), 2);
        assertTrue(reasons.get(0).startsWith("unreadable"), reasons.get(0));
        assertFalse(reasons.get(1).isBlank());
        assertTrue(inTransaction(() -> replicas.findByIdOptional(id)).isEmpty());
    }

    private List<String> deadLetterReasons(List<String> keys, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers());
        String topic = ChorusEventTypes.deadLetterTopic(ChorusEventTypes.DIRECTORY_ORGANISATIONS);
        var found = new java.util.TreeMap<Integer, String>();
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await(expected + " dead letters").atMost(Duration.ofSeconds(15)).pollInSameThread()
                    .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1)).until(() -> {
                        for (var record : consumer.poll(Duration.ofMillis(200))) {
                            int index = keys.indexOf(record.key());
                            if (index >= 0) {
                                found.put(index, new String(record.headers().lastHeader("chorus_dlq_reason").value(),
                                        StandardCharsets.UTF_8));
                            }
                        }
                        return found.size() >= expected;
                    });
        }
        assertEquals(expected, found.size(), "dead letters found: " + found);
        return List.copyOf(found.values());
    }

    private OrganisationData data(UUID id, String name, boolean active) {
        return new OrganisationData(id, name, "HEALTHWATCH", null, List.of("lancashire"), List.of(), active, 1, null);
    }

    private ChorusEvent event(UUID eventId, String type, OrganisationData data) throws Exception {
        return new ChorusEvent(eventId.toString(), type, "/chorus/partner-directory-service", OffsetDateTime.now(),
                data.organisationId().toString(), SEQUENCE.incrementAndGet(), null, objectMapper.writeValueAsBytes(data));
    }

    private void publish(ChorusEvent event) throws Exception {
        producer.send(EventEnvelope.toRecord(ChorusEventTypes.DIRECTORY_ORGANISATIONS, event)).get();
    }

    private void awaitReplica(UUID id, java.util.function.Predicate<OrganisationReplicaEntity> condition) {
        await("the replica of " + id + " in the expected state").atMost(Duration.ofSeconds(15)).pollInSameThread()
                .pollInterval(Duration.ofMillis(50))
                .until(() -> inTransaction(() -> replicas.findByIdOptional(id)),
                        replica -> replica.isPresent() && condition.test(replica.get()));
    }

    private static <T> T inTransaction(Supplier<T> work) {
        return QuarkusTransaction.requiringNew().call(work::get);
    }
}
