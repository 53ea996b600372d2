package org.chorus.gateway.routing;

import java.util.Locale;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts what the gateway did about services' failed connections, on /q/metrics: a request sent again or a replica
 * passed over is invisible to callers, and a replica that keeps closing or refusing connections must not stay so.
 */
final class UpstreamMetrics {

    private final MeterRegistry registry;

    UpstreamMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A request sent a second time because its connection closed before the service answered. */
    void retried(String service) {
        registry.counter("chorus.gateway.upstream.retries", "service", service).increment();
    }

    /** A replica that refused a connection, passed over for the next one. */
    void passedOver(String service) {
        registry.counter("chorus.gateway.upstream.passed.over", "service", service).increment();
    }

    /** A request answered with a problem because the service could not answer it. */
    void failed(String service, UpstreamFailure kind) {
        registry.counter("chorus.gateway.upstream.failures", "service", service,
                "kind", kind.name().toLowerCase(Locale.ROOT)).increment();
    }
}
