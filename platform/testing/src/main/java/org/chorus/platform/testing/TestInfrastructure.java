package org.chorus.platform.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** The one real PostgreSQL server and Kafka broker of a test JVM, started on first use and stopped at exit. */
public final class TestInfrastructure {

    static final String DB_USER = "chorus";
    private static final String DATABASE = "chorus";
    private static final String POSTGRES_DATA = "pg";
    private static final String POSTGRES_LOG = "postgres.log";
    private static volatile TestInfrastructure instance;
    /**
     * The broker starts before Quarkus applies the tests' log levels (META-INF/microprofile-config.properties), and its
     * controller warns at every start that its new log is empty. Held, because java.util.logging keeps loggers weakly.
     */
    private static final Logger BROKER_LOG = quietUnlessAsked(Logger.getLogger("org.apache.kafka"));

    /**
     * The controller logs as an ERROR every event slower than this (2 s by default), which a machine busy with two test
     * JVMs and their brokers reaches now and then with nothing wrong; a test that needs the broker quick fails itself.
     */
    private static final String SLOW_CONTROLLER_EVENT_MS = "60000";

    /** Everything the JVM's infrastructure writes: the database, the broker's logs and the token keys. */
    private final Path work;
    private final int postgresPort;
    private final KafkaClusterTestKit kafka;
    private final TestKeys keys;
    /** The running server, or null while a test has it stopped. */
    private EmbeddedPostgres postgres;

    private TestInfrastructure(Path work, EmbeddedPostgres postgres, KafkaClusterTestKit kafka, TestKeys keys) {
        this.work = work;
        this.postgres = postgres;
        this.postgresPort = postgres.getPort();
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
            EmbeddedPostgres postgres = startPostgres(work, 0);
            createDatabase(postgres);
            return new TestInfrastructure(work, postgres, startKafka(work.resolve("kafka")), TestKeys.create(work));
        } catch (Exception e) {
            throw new IllegalStateException("Could not start PostgreSQL and Kafka for tests", e);
        }
    }

    /**
     * Starts PostgreSQL on {@code port} (0 for any free one) with the data in {@code work}'s data directory, created on
     * first use. The data directory outlives the server so that a test can stop and start it again; {@link #stop()}
     * removes it. The server's own log goes to a file, as on a stack, for a test to read ({@link #postgresLog()}).
     */
    private static EmbeddedPostgres startPostgres(Path work, int port) throws IOException {
        Redirect log = Redirect.appendTo(work.resolve(POSTGRES_LOG).toFile());
        return EmbeddedPostgres.builder()
                .setDataDirectory(work.resolve(POSTGRES_DATA))
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPort(port)
                .setServerConfig("fsync", "off")
                // A test waiting for a statement finds it by its text in pg_stat_activity, which keeps only the first
                // 1,024 bytes by default: the response insert's own INSERT comes after its input and claims.
                .setServerConfig("track_activity_query_size", "8192")
                .setOutputRedirector(log)
                .setErrorRedirector(log)
                .start();
    }

    private static void createDatabase(EmbeddedPostgres postgres) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE ROLE " + DB_USER + " LOGIN PASSWORD '" + DB_USER + "'");
            statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + DB_USER);
        }
    }

    /** Errors only, as for the services, unless -Dchorus.test.log or CHORUS_TEST_LOG asks for more. */
    private static Logger quietUnlessAsked(Logger logger) {
        if (System.getProperty("chorus.test.log") == null && System.getenv("CHORUS_TEST_LOG") == null) {
            logger.setLevel(Level.SEVERE);
        }
        return logger;
    }

    private static KafkaClusterTestKit startKafka(Path directory) throws Exception {
        return startKafka(directory, 1);
    }

    /**
     * A cluster of a test's own, for what the one broker every test shares cannot show (a broker of several stopped);
     * the caller closes it. Internal topics keep one replica, as on the shared broker, and may sit on the broker a test
     * stops: such a test reads without a consumer group and writes without transactions.
     */
    public static KafkaClusterTestKit startKafka(Path directory, int brokers) throws Exception {
        Files.createDirectories(directory);
        KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(brokers)
                .setNumControllerNodes(1)
                .setBaseDirectory(directory)
                .build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("controller.performance.always.log.threshold.ms", SLOW_CONTROLLER_EVENT_MS)
                .build();
        formatQuietly(cluster);
        cluster.startup();
        cluster.waitForReadyBrokers();
        return cluster;
    }

    /**
     * The test kit's formatter prints a line to standard output for each directory, in every module's log. Nothing else
     * runs in this JVM yet while the tests' infrastructure starts; a test's own cluster formats between tests.
     */
    private static void formatQuietly(KafkaClusterTestKit cluster) throws Exception {
        PrintStream out = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            cluster.format();
        } finally {
            System.setOut(out);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + DATABASE;
    }

    /** The role that owns the test database; its password is the same word. */
    public String dbUser() {
        return DB_USER;
    }

    /**
     * Stops PostgreSQL as an operator restarting it would (a fast shutdown): open connections are cut, running
     * statements fail, new connections are refused. Its port and data stay for {@link #startPostgres()}. Every test
     * class of the JVM shares this server, so a test that stops it must start it again, in a finally block.
     */
    public synchronized void stopPostgres() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not stop", e);
        }
        postgres = null;
    }

    /** Starts PostgreSQL again on the same port with the same data; does nothing while it runs. */
    public synchronized void startPostgres() {
        if (postgres != null) {
            return;
        }
        try {
            postgres = startPostgres(work, postgresPort);
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start again on port " + postgresPort, e);
        }
    }

    public synchronized boolean postgresRunning() {
        return postgres != null;
    }

    /** What PostgreSQL has written to its log so far, line by line: what an operator would read. */
    public List<String> postgresLog() {
        try {
            return Files.readAllLines(work.resolve(POSTGRES_LOG));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        stopPostgres();
        // The whole directory: each test JVM left its private token key behind when only the database was removed.
        deleteRecursively(work);
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
