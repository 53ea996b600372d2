package org.chorus.gateway.ratelimit;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.chorus.gateway.GatewayConfig;

/** The configured limits, parsed once at startup so that a typo stops the gateway instead of a request. */
final class RateLimitTiers {

    /** The four limits that apply to one organisation's publishable keys. */
    record Tier(RateLimit submissionsPerKey, RateLimit submissionsPerAddress, RateLimit readsPerKey,
            RateLimit readsPerAddress) {

        RateLimit perKey(boolean submission) {
            return submission ? submissionsPerKey : readsPerKey;
        }

        RateLimit perAddress(boolean submission) {
            return submission ? submissionsPerAddress : readsPerAddress;
        }

        Stream<RateLimit> all() {
            return Stream.of(submissionsPerKey, submissionsPerAddress, readsPerKey, readsPerAddress);
        }
    }

    private final Tier defaults;
    private final Map<UUID, Tier> byOrganisation = new HashMap<>();

    RateLimitTiers(GatewayConfig.RateLimits config) {
        GatewayConfig.RateLimits.Tier given = config.defaults();
        this.defaults = new Tier(RateLimit.parse(given.submissionsPerKey()), RateLimit.parse(given.submissionsPerAddress()),
                RateLimit.parse(given.readsPerKey()), RateLimit.parse(given.readsPerAddress()));
        config.organisations().forEach((id, tier) -> byOrganisation.put(organisationId(id), new Tier(
                or(tier.submissionsPerKey(), defaults.submissionsPerKey()),
                or(tier.submissionsPerAddress(), defaults.submissionsPerAddress()),
                or(tier.readsPerKey(), defaults.readsPerKey()),
                or(tier.readsPerAddress(), defaults.readsPerAddress()))));
    }

    Tier forOrganisation(UUID organisationId) {
        return byOrganisation.getOrDefault(organisationId, defaults);
    }

    /** The longest refill period: a bucket idle that long is full again, so forgetting it changes nothing. */
    Duration longestPeriod() {
        return Stream.concat(Stream.of(defaults), byOrganisation.values().stream())
                .flatMap(Tier::all)
                .map(RateLimit::period)
                .max(Duration::compareTo)
                .orElseThrow();
    }

    private static RateLimit or(Optional<String> value, RateLimit fallback) {
        return value.map(RateLimit::parse).orElse(fallback);
    }

    private static UUID organisationId(String configured) {
        try {
            return UUID.fromString(configured.replace("\"", "").trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("chorus.gateway.rate-limits.organisations keys must be organisation ids,"
                    + " not '" + configured + "'", e);
        }
    }
}
