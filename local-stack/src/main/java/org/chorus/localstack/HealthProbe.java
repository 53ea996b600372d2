package org.chorus.localstack;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * How the stack asks a service how it is, on its management port: readiness while it starts, liveness once it runs.
 * The start, `./chorus status` and the supervisor's watch ask the same way.
 */
final class HealthProbe {

    static final String READY = "/q/health/ready";
    static final String LIVE = "/q/health/live";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private HealthProbe() {
    }

    /**
     * What a probe got back: a status, or what stood in the way of one.
     *
     * @param status the HTTP status, or 0 when there was no answer
     * @param failure why there was no answer ("connection refused", "HttpTimeoutException"), or empty
     */
    record Answer(int status, String failure) {

        static Answer of(int status) {
            return new Answer(status, "");
        }

        static Answer none(String failure) {
            return new Answer(0, failure);
        }

        boolean answered() {
            return status != 0;
        }

        boolean ok() {
            return status == 200;
        }

        @Override
        public String toString() {
            return answered() ? Integer.toString(status) : failure;
        }
    }

    /** Asks {@code path} of the management interface at {@code management}, waiting at most {@code timeout}. */
    static Answer ask(URI management, String path, Duration timeout) throws InterruptedException {
        try {
            HttpRequest request = HttpRequest.newBuilder(management.resolve(path)).timeout(timeout).GET().build();
            return Answer.of(HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (ConnectException e) {
            return Answer.none("connection refused");
        } catch (IOException e) {
            return Answer.none(e.getClass().getSimpleName());
        }
    }
}
