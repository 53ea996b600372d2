package org.chorus.gateway;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.chorus.platform.testing.ManagementPort;

import io.restassured.response.Response;

/** Waiting helpers: the gateway learns keys asynchronously, so tests poll with a deadline instead of sleeping. */
final class GatewayTestSupport {

    private GatewayTestSupport() {
    }

    /** Waits until the gateway reports ready, i.e. its key cache has caught up. */
    static void awaitReady() {
        pollUntil(() -> given().get(ManagementPort.url("/q/health/ready")), r -> r.statusCode() == 200, Duration.ofSeconds(60),
                "gateway never became ready");
    }

    /** Repeats the request until the response matches, and returns that response. */
    static Response pollUntil(Supplier<Response> request, Predicate<Response> done, Duration timeout, String failure) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Response last;
        do {
            last = request.get();
            if (done.test(last)) {
                return last;
            }
            pause(Duration.ofMillis(10));
        } while (System.nanoTime() < deadline);
        throw new AssertionError(failure + " within " + timeout + "; last response " + last.statusCode() + ": "
                + last.asString());
    }

    /** Sleeps between two polls. */
    static void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }

    /** Waits until a request with the key passes the gateway. */
    static Response awaitAccepted(TestKeyEvents.TestKey key, String path) {
        return pollUntil(() -> given().header("Authorization", key.bearer()).get(path), r -> r.statusCode() == 200,
                Duration.ofSeconds(10), "key " + key.data().keyId() + " was never accepted");
    }
}
