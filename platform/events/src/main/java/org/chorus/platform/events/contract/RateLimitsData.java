package org.chorus.platform.events.contract;

/**
 * An organisation's own limits for its publishable keys, so that the gateway takes them from the directory instead of
 * its own configuration. Each limit is optional: null means the gateway's default for that kind of request.
 *
 * @param submissionsPerKey response submissions ({@code POST /api/v1/surveys/{id}/responses}) per key
 * @param submissionsPerAddress response submissions per client address
 * @param readsPerKey every other request per key
 * @param readsPerAddress every other request per client address
 */
public record RateLimitsData(
        Limit submissionsPerKey,
        Limit submissionsPerAddress,
        Limit readsPerKey,
        Limit readsPerAddress) {

    /**
     * One token bucket: a burst of {@code requests}, refilled evenly over {@code per}.
     *
     * @param per an ISO-8601 duration, e.g. {@code PT1M}
     */
    public record Limit(long requests, String per) {
    }
}
