package org.chorus.gateway;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.chorus.platform.events.ChorusEvent;
import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.events.EventEnvelope;
import org.chorus.platform.events.EventType;
import org.chorus.platform.events.contract.ApiKeyData;
import org.chorus.platform.testing.TestInfrastructure;
import org.chorus.platform.events.contract.SecretHashes;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Publishes API key events to the real test broker as the directory would: CloudEvents with the key's state. */
final class TestKeyEvents {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestKeyEvents() {
    }

    /** A key as the directory issues it: the secret for the caller, only its hash in the event. */
    record TestKey(String secret, ApiKeyData data) {

        String bearer() {
            return "Bearer " + secret;
        }

        TestKey revoked() {
            return with(new ApiKeyData(data.keyId(), data.organisationId(), data.kind(), data.secretHash(),
                    data.scopes(), true, data.expiresAt()));
        }

        TestKey of(UUID organisationId) {
            return with(new ApiKeyData(data.keyId(), organisationId, data.kind(), data.secretHash(),
                    data.scopes(), data.revoked(), data.expiresAt()));
        }

        TestKey withScopes(String... scopes) {
            return with(new ApiKeyData(data.keyId(), data.organisationId(), data.kind(), data.secretHash(),
                    List.of(scopes), data.revoked(), data.expiresAt()));
        }

        private TestKey with(ApiKeyData changed) {
            return new TestKey(secret, changed);
        }
    }

    static TestKey newKey(String kind, Instant expiresAt, String... scopes) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String secret = "chs_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new TestKey(secret, new ApiKeyData(UUID.randomUUID(), UUID.randomUUID(), kind,
                SecretHashes.sha256Hex(secret), List.of(scopes), false, expiresAt));
    }

    static TestKey newKey(String... scopes) {
        return newKey("secret", null, scopes);
    }

    /** Publishes the key's state and returns once the broker has it. */
    static void publish(TestKey key, long sequence) {
        EventType type = key.data().revoked() ? ChorusEventTypes.API_KEY_REVOKED : ChorusEventTypes.API_KEY_ISSUED;
        publish(type, key.data().keyId(), sequence, key.data());
    }

    /** Publishes one directory event as the directory would, and returns once the broker has it. */
    static void publish(EventType type, UUID aggregateId, long sequence, Object data) {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            ChorusEvent event = new ChorusEvent(UUID.randomUUID().toString(), type.type(),
                    "/chorus/partner-directory-service", OffsetDateTime.now(ZoneOffset.UTC),
                    aggregateId.toString(), sequence, null, MAPPER.writeValueAsBytes(data));
            producer.send(EventEnvelope.toRecord(type.topic(), event)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish a " + type.type() + " event", e);
        }
    }

    private static KafkaProducer<String, byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }
}
