package org.chorus.gateway;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.chorus.platform.testing.ManagementPort;

import io.restassured.response.Response;

/** Waiting helpers: the gateway learns keys asynchronously, so tests poll with a deadline instead of sleeping. */
final class GatewayTestSupport {

    /** How often a condition is checked again: the gateway applies a change within milliseconds. */
    static final Duration POLL = Duration.ofMillis(10);

    private GatewayTestSupport() {
    }

    /** Waits until the gateway reports ready, i.e. its key cache has caught up. */
    static void awaitReady() {
        pollUntil(() -> given().get(ManagementPort.url("/q/health/ready")), r -> r.statusCode() == 200,
                Duration.ofSeconds(60), "gateway never became ready");
    }

    /** Repeats the request until the response matches, and returns that response. */
    static Response pollUntil(Supplier<Response> request, Predicate<Response> done, Duration timeout, String failure) {
        AtomicReference<Response> last = new AtomicReference<>();
        try {
            return Awaitility.await(failure).atMost(timeout).pollDelay(Duration.ZERO).pollInterval(POLL)
                    .until(() -> {
                        last.set(request.get());
                        return last.get();
                    }, done::test);
        } catch (ConditionTimeoutException e) {
            Response response = last.get();
            throw new AssertionError(failure + " within " + timeout + "; last response "
                    + (response == null ? "none" : response.statusCode() + ": " + response.asString()), e);
        }
    }

    /**
     * Asserts that a counter on the gateway's /q/metrics (summed over the series with these labels) keeps its value
     * for a second: long enough for what the test says never happened to have been counted by then, had it happened.
     */
    static void assertUncounted(String what, double before, String counter, String... labels) {
        Awaitility.await(what + " not counted").during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> ManagementPort.metric(counter, labels), now -> now == before);
    }

    /** Issues the key as the directory would (its first event), and waits until the gateway lets it through. */
    static TestKeyEvents.TestKey issue(TestKeyEvents.TestKey key, String path) {
        TestKeyEvents.publish(key, 1);
        awaitAccepted(key, path);
        return key;
    }

    /** Waits until a request with the key passes the gateway. */
    static Response awaitAccepted(TestKeyEvents.TestKey key, String path) {
        return pollUntil(() -> given().header("Authorization", key.bearer()).get(path), r -> r.statusCode() == 200,
                Duration.ofSeconds(10), "key " + key.data().keyId() + " was never accepted");
    }
}
