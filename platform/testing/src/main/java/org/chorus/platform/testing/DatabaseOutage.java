package org.chorus.platform.testing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import org.chorus.platform.web.problem.Problem;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.restassured.response.ValidatableResponse;

/**
 * Stops the tests' real PostgreSQL under a running service, as an outage or a restart would, and checks what callers
 * hear meanwhile: a 503 problem with Retry-After, never a 500. The server is shared by every test class of the JVM,
 * so whoever begins an outage ends it (in an {@code @AfterEach}), and {@link #end()} returns only once the
 * service is ready with its database again.
 */
public final class DatabaseOutage {

    /** The problem type every service answers with while its database is unreachable. */
    public static final String UNAVAILABLE = Problem.TYPE_BASE + "unavailable";
    private static final Duration RECOVERY = Duration.ofSeconds(60);

    private DatabaseOutage() {
    }

    /**
     * Stops PostgreSQL, so that new connections are refused until it starts again, and rids the service's pool of
     * the connections the stop cut: every request after this meets the refusal. (A cut connection fails the one
     * request that next uses it, with a 503, and is dropped; tests that want to see that call {@link #cut()}.)
     */
    public static void begin() {
        cut();
        dropCutConnections(pool());
    }

    /** Stops PostgreSQL under whatever the service is doing: running statements fail, pooled connections are cut. */
    public static void cut() {
        TestInfrastructure.get().stopPostgres();
    }

    /** Starts PostgreSQL again (if stopped) without waiting for the service, to see it recover by itself. */
    public static void restart() {
        TestInfrastructure.get().startPostgres();
    }

    /**
     * Starts PostgreSQL again if it was stopped, waits until the service reports itself ready with it, and rids the
     * pool of the connections the stop cut. The service recovers without that too (each cut connection fails one
     * request, with a 503, and is dropped), but the test classes after this one must not meet them.
     */
    public static void end() {
        restart();
        awaitReadiness("UP");
        dropCutConnections(pool());
    }

    private static AgroalDataSource pool() {
        return Arc.container().instance(AgroalDataSource.class).get();
    }

    /**
     * Holds the pool's connections all at once, so that each one is tried: a cut connection fails its statement and
     * the pool drops it. Stops at the first connection the pool cannot hand out, which with PostgreSQL stopped is
     * the first new one. (Agroal's own flush runs later on another thread, which the next request could outrun.)
     */
    private static void dropCutConnections(AgroalDataSource pool) {
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < pool.getConfiguration().connectionPoolConfiguration().maxSize(); i++) {
                Connection connection = pool.getConnection();
                held.add(connection);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SELECT 1");
                } catch (SQLException cut) {
                    // the pool saw it fail and drops it when it is returned
                }
            }
        } catch (SQLException refused) {
            // no connection left to try
        } finally {
            held.forEach(DatabaseOutage::giveBack);
        }
    }

    private static void giveBack(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // a cut connection may refuse to close cleanly; the pool has dropped it all the same
        }
    }

    /**
     * The outage every service's writes must survive: while the database is stopped a read and a create answer 503
     * and the service reports itself not ready; once it is back, nothing refused was stored, the create retried
     * with its Idempotency-Key stores the record, and a second retry returns the same one rather than a copy. Ends
     * the outage it begins whatever happens, so that the test classes after it find the database running.
     *
     * @param read asks for a record stored before the outage
     * @param create sends the same new record with the same Idempotency-Key each time it is called
     * @param stored how many copies of the new record are stored
     */
    public static void assertCreateRetriedAfterwardsStoredOnce(Supplier<ValidatableResponse> read,
            Supplier<ValidatableResponse> create, IntSupplier stored) {
        begin();
        try {
            assertUnavailable(read.get());
            assertUnavailable(create.get());
            awaitReadiness("DOWN");
        } finally {
            end();
        }
        assertEquals(0, stored.getAsInt(), "nothing refused was stored");
        String id = create.get().statusCode(201).extract().path("id");
        assertEquals(id, create.get().statusCode(201).extract().path("id"), "a second retry returns the same record");
        assertEquals(1, stored.getAsInt());
    }

    /** Waits until the service's readiness check says {@code status} ("UP" or "DOWN"). */
    public static void awaitReadiness(String status) {
        await("readiness " + status).atMost(RECOVERY).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                given().when().get(ManagementPort.url("/q/health/ready")).then().body("status", equalTo(status)));
    }

    /** Asserts that a response is the service's answer to an unavailable database, and returns it for more checks. */
    public static ValidatableResponse assertUnavailable(ValidatableResponse response) {
        return response.statusCode(503)
                .contentType(Problem.MEDIA_TYPE)
                .header("Retry-After", matchesPattern("[1-9][0-9]?"))
                .body("type", equalTo(UNAVAILABLE))
                .body("status", equalTo(503))
                .body(not(containsString("Exception")))
                .body(not(containsString("org.")))
                .body(not(containsString("java.")));
    }
}
