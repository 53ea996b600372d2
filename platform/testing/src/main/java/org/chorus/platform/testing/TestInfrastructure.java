package org.chorus.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** The one real PostgreSQL server and Kafka broker of a test JVM, started on first use and stopped at exit. */
public final class TestInfrastructure {

    static final String DB_USER = "chorus";
    private static final String DATABASE = "chorus";
    private static volatile TestInfrastructure instance;

    private final EmbeddedPostgres postgres;
    private final KafkaClusterTestKit kafka;
    private final TestKeys keys;

    private TestInfrastructure(EmbeddedPostgres postgres, KafkaClusterTestKit kafka, TestKeys keys) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.keys = keys;
    }

    public static TestInfrastructure get() {
        if (instance == null) {
            synchronized (TestInfrastructure.class) {
                if (instance == null) {
                    instance = start();
                    Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "chorus-test-infrastructure-stop"));
                }
            }
        }
        return instance;
    }

    private static TestInfrastructure start() {
        try {
            Path work = Files.createTempDirectory("chorus-test-");
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(work.resolve("pg"))
                    .setCleanDataDirectory(true)
                    .setServerConfig("fsync", "off")
                    .start();
            createDatabase(postgres);
            return new TestInfrastructure(postgres, startKafka(work.resolve("kafka")), TestKeys.create(work));
        } catch (Exception e) {
            throw new IllegalStateException("Could not start PostgreSQL and Kafka for tests", e);
        }
    }

    private static void createDatabase(EmbeddedPostgres postgres) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE ROLE " + DB_USER + " LOGIN PASSWORD '" + DB_USER + "'");
            statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + DB_USER);
        }
    }

    private static KafkaClusterTestKit startKafka(Path directory) throws Exception {
        Files.createDirectories(directory);
        KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .setBaseDirectory(directory)
                .build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        return cluster;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
    }

    /** The role that owns the test database; its password is the same word. */
    public String dbUser() {
        return DB_USER;
    }

    public int postgresPort() {
        return postgres.getPort();
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public TestKeys keys() {
        return keys;
    }

    private void stop() {
        try {
            kafka.close();
        } catch (Exception e) {
            // the JVM is exiting; a broker that does not close cleanly leaves only temporary files
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
