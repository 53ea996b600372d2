package org.chorus.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Everything the gateway can be told from outside: where each service lives and how patient to be with it. */
@ConfigMapping(prefix = "chorus.gateway")
public interface GatewayConfig {

    /** The services behind the gateway by name ({@code directory}, {@code survey}, {@code insight}). */
    Map<String, Service> services();

    Upstream upstream();

    Token token();

    OpenApi openapi();

    Keys keys();

    /** One service and the public paths it owns. */
    interface Service {

        /** Base URL, scheme, host and port only, e.g. {@code http://127.0.0.1:8081}: request paths are forwarded unchanged. */
        URI url();

        /** Path prefixes it owns, e.g. {@code /api/v1/organisations}; a prefix matches itself and anything below it. */
        List<String> prefixes();
    }

    /** How requests are handed to the services. */
    interface Upstream {

        /** A service that does not accept a connection in this time counts as down (503). */
        @WithDefault("2s")
        Duration connectTimeout();

        /** A service silent for this long, before or while answering, counts as timed out (504). */
        @WithDefault("30s")
        Duration timeout();

        /** Pooled connections per service; the pool bounds how many requests one replica has in flight to it. */
        @WithDefault("256")
        int maxConnections();
    }

    /** The internal token the services verify. */
    interface Token {

        /** Lifetime of each signed token. */
        @WithDefault("60s")
        Duration lifetime();

        /**
         * How long one signed token is reused for the same key. Signing costs about a millisecond, far above the
         * gateway's budget, so tokens are reused for part of their lifetime; a service always gets one with at
         * least {@code lifetime - reuse} left.
         */
        @WithDefault("30s")
        Duration reuse();
    }

    /** The merged OpenAPI document. */
    interface OpenApi {

        /** How long a merged document that includes every service is served before it is fetched again. */
        @WithDefault("30s")
        Duration cacheTtl();

        /** How soon a document missing a service (it was down) is fetched again. */
        @WithDefault("2s")
        Duration retryAfter();

        /** How long to wait for one service's document. */
        @WithDefault("5s")
        Duration fetchTimeout();
    }

    /** The key cache fed from {@code directory.api-keys}. */
    interface Keys {

        /**
         * Longest wait of one poll. Records are returned as soon as they arrive, so this bounds only how often the
         * reader checks on the broker, not how late a revocation takes effect.
         */
        @WithDefault("200ms")
        Duration pollTimeout();

        /** How often the reader asks the broker for end offsets, to notice an outage and to see new partitions. */
        @WithDefault("5s")
        Duration checkInterval();
    }
}
