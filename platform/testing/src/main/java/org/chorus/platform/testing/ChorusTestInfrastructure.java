package org.chorus.platform.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives a service's {@code @QuarkusTest}s a real PostgreSQL, a real Kafka broker and the key pair of the internal
 * tokens. Started once per test JVM and shared by every test class, so the application boots once.
 */
public class ChorusTestInfrastructure implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        return Map.of(
                "quarkus.datasource.jdbc.url", infrastructure.jdbcUrl(),
                "quarkus.datasource.username", TestInfrastructure.DB_USER,
                "quarkus.datasource.password", TestInfrastructure.DB_USER,
                "chorus.events.bootstrap-servers", infrastructure.kafkaBootstrapServers(),
                "mp.jwt.verify.publickey.location", infrastructure.keys().publicKeyFile().toString(),
                "smallrye.jwt.sign.key.location", infrastructure.keys().privateKeyFile().toString());
    }

    @Override
    public void stop() {
        // Shared by every test class of the JVM; TestInfrastructure stops it when the JVM exits.
    }
}
