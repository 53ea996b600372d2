package org.chorus.gateway.ratelimit;

import java.time.Duration;

import io.quarkus.runtime.configuration.DurationConverter;

/**
 * One token bucket's shape as configured, {@code <requests>/<period>} such as {@code 10/1m}: a burst of that many
 * requests, refilled evenly over the period.
 */
public record RateLimit(long requests, Duration period) {

    public RateLimit {
        if (requests < 1 || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("a rate limit needs at least one request per positive period");
        }
    }

    public static RateLimit parse(String value) {
        int slash = value.indexOf('/');
        if (slash < 1) {
            throw new IllegalArgumentException("Rate limit '" + value + "' must look like 10/1m");
        }
        try {
            long requests = Long.parseLong(value.substring(0, slash).trim());
            return new RateLimit(requests, DurationConverter.parseDuration(value.substring(slash + 1).trim()));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Rate limit '" + value + "' must look like 10/1m", e);
        }
    }
}
