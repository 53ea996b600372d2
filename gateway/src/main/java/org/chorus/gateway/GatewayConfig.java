package org.chorus.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Everything the gateway can be told from outside: where each service lives and how patient to be with it. */
@ConfigMapping(prefix = "chorus.gateway")
public interface GatewayConfig {

    /** The services behind the gateway by name ({@code directory}, {@code survey}, {@code insight}). */
    Map<String, Service> services();

    Upstream upstream();

    Token token();

    OpenApi openapi();

    Keys keys();

    Headers headers();

    Limits limits();

    Cors cors();

    RateLimits rateLimits();

    Forwarding forwarding();

    Compression compression();

    /**
     * The address callers reach the gateway at, e.g. {@code https://chorus.example.org}: services build their Location
     * and Link headers from it. Unset, they are built from the Host each caller sent, which is right on a developer's
     * machine; in production it would let a caller point the links of its own answers anywhere.
     */
    Optional<URI> publicUrl();

    /**
     * Who the client is behind load balancers, once Quarkus trusts the peer's X-Forwarded-For or Forwarded header
     * (quarkus.http.proxy.*): each proxy appends the address it saw, so only the entries the trusted proxies added,
     * counted from the right, are true; anything left of them is whatever the client chose to send.
     */
    interface Forwarding {

        /** How many proxies in front of the gateway append to the header Quarkus believes: 1 for one load balancer. */
        @WithDefault("1")
        int trustedHops();
    }

    /** One service and the public paths it owns. */
    interface Service {

        /**
         * The base URL of each replica, comma-separated, e.g. {@code http://127.0.0.1:8082,http://127.0.0.1:18082}:
         * scheme, host and port only, since request paths are forwarded unchanged. Requests take turns among them.
         */
        @WithName("url")
        List<URI> urls();

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

        /**
         * Pooled connections to each replica from each of the gateway's event loops, which pool apart; together they
         * bound how many requests one gateway has in flight to the replica.
         */
        @WithDefault("256")
        int maxConnections();

        /**
         * How long an idle pooled connection is kept for reuse. Keep it well below the idle timeout of every service
         * ({@code quarkus.http.idle-timeout}, 30 minutes by default) and of anything between (load balancers often
         * close at 60 s): whoever closes an idle connection first must be the gateway, or a request sent on it just as
         * the other side closes it is lost. Whole seconds.
         */
        @WithDefault("15s")
        Duration keepAlive();

        /**
         * The largest request body kept in memory so that it can be sent again when the service's connection closed
         * before it answered. Responses and other small bodies fit; larger ones (uploads) stream through without a copy
         * and are answered 503 + Retry-After instead of being retried.
         */
        @WithDefault("64K")
        MemorySize replayableBody();

        /** What the Retry-After of a 503 says when no replica of a service could take a request. */
        @WithDefault("2s")
        Duration retryAfter();
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

    /** The security headers every response carries. */
    interface Headers {

        /** For everything but Swagger UI: API answers, problems and documents are never pages that load anything. */
        @WithDefault("default-src 'none'; frame-ancestors 'none'")
        String contentSecurityPolicy();

        /** Swagger UI's page starts itself with an inline script and styles itself inline; it loads nothing foreign. */
        @WithDefault("default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; "
                + "base-uri 'none'; form-action 'none'")
        String swaggerUiContentSecurityPolicy();

        /**
         * For the example survey page under /examples/: its own scripts and styles, calls to the API on the same
         * origin, and nothing inline, foreign or framed.
         */
        @WithDefault("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
                + "frame-ancestors 'none'; base-uri 'none'; form-action 'none'")
        String examplesContentSecurityPolicy();

        /** Sent only on requests that came over https. */
        @WithDefault("max-age=31536000; includeSubDomains")
        String strictTransportSecurity();
    }

    /** How much a caller may send. */
    interface Limits {

        /**
         * The largest request body; a larger one is refused with 413 before it reaches a service. Keep
         * {@code quarkus.http.limits.max-body-size} at least this large: the two are set together in application.properties.
         */
        @WithDefault("20M")
        MemorySize maxBodySize();
    }

    /** Answers compressed on their way to callers that accept gzip; see {@code org.chorus.gateway.compression}. */
    interface Compression {

        /** Off where a load balancer in front of the gateway compresses instead. */
        @WithDefault("true")
        boolean enabled();

        /** Answers of a known length below this go as they are: gzip's own 18 bytes and the work gain little. */
        @WithDefault("1K")
        MemorySize minSize();
    }

    /** Cross-origin calls from partner websites; the origins themselves come from the directory. */
    interface Cors {

        /** How long a browser may reuse a preflight answer (browsers cap it, Chromium at two hours). */
        @WithDefault("10m")
        Duration maxAge();
    }

    /**
     * Token buckets for requests made with publishable keys, each given as {@code <requests>/<period>}, e.g.
     * {@code 10/1m}. These are the defaults: an organisation's own limits are set in the directory and reach the
     * gateway with its organisation events. The buckets live in each replica's memory: behind N replicas the effective
     * limit is N times higher, unless the load balancer keeps a client on one replica.
     */
    interface RateLimits {

        /** The limits of every organisation that has not been given its own, and of each one it has not been given. */
        @WithName("default")
        Tier defaults();

        /** The most buckets one replica keeps; the least recently used go first when a flood of addresses arrives. */
        @WithDefault("100000")
        long maxBuckets();

        /** One set of limits. */
        interface Tier {

            /** Response submissions ({@code POST /api/v1/surveys/{id}/responses}) per key. */
            @WithDefault("600/1m")
            String submissionsPerKey();

            /** Response submissions per client address: a person submits a few, a script thousands. */
            @WithDefault("10/1m")
            String submissionsPerAddress();

            /** Every other request per key. */
            @WithDefault("6000/1m")
            String readsPerKey();

            /** Every other request per client address. */
            @WithDefault("300/1m")
            String readsPerAddress();
        }
    }

    /** The key cache fed from {@code directory.api-keys}; its timings also serve the organisation cache. */
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
