package org.chorus.gateway.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.chorus.gateway.GatewayConfig;
import org.chorus.gateway.origins.OrganisationCache;
import org.chorus.platform.events.contract.RateLimitsData;
import org.jboss.logging.Logger;

/** Each organisation's limits: its own from the directory's events, so a change needs no deployment, else defaults. */
final class RateLimitTiers {

    private static final Logger LOG = Logger.getLogger(RateLimitTiers.class);

    /** The four limits that apply to one organisation's publishable keys. */
    record Tier(RateLimit submissionsPerKey, RateLimit submissionsPerAddress, RateLimit readsPerKey,
            RateLimit readsPerAddress) {

        RateLimit perKey(boolean submission) {
            return submission ? submissionsPerKey : readsPerKey;
        }

        RateLimit perAddress(boolean submission) {
            return submission ? submissionsPerAddress : readsPerAddress;
        }
    }

    /** An organisation's limits as the directory announced them, and as parsed from that. */
    private record Parsed(RateLimitsData announced, Tier tier) {
    }

    private final Tier defaults;
    private final OrganisationCache organisations;
    // Parsed once per announced state instead of on every request; at most one entry per organisation.
    private final Map<UUID, Parsed> parsed = new ConcurrentHashMap<>();

    /** Parses the configured defaults at once, so that a typo stops the gateway instead of a request. */
    RateLimitTiers(GatewayConfig.RateLimits config, OrganisationCache organisations) {
        GatewayConfig.RateLimits.Tier given = config.defaults();
        this.defaults = new Tier(RateLimit.parse(given.submissionsPerKey()), RateLimit.parse(given.submissionsPerAddress()),
                RateLimit.parse(given.readsPerKey()), RateLimit.parse(given.readsPerAddress()));
        this.organisations = organisations;
    }

    /** The organisation's limits; the defaults until the directory has told this replica of its own. */
    Tier forOrganisation(UUID organisationId) {
        OrganisationCache.Known known = organisations.find(organisationId);
        RateLimitsData announced = known == null ? null : known.organisation().rateLimits();
        if (announced == null) {
            return defaults;
        }
        Parsed current = parsed.get(organisationId);
        if (current == null || !current.announced().equals(announced)) {
            current = new Parsed(announced, tier(organisationId, announced));
            parsed.put(organisationId, current);
        }
        return current.tier();
    }

    private Tier tier(UUID organisationId, RateLimitsData own) {
        return new Tier(
                or(own.submissionsPerKey(), defaults.submissionsPerKey(), organisationId, "submissionsPerKey"),
                or(own.submissionsPerAddress(), defaults.submissionsPerAddress(), organisationId,
                        "submissionsPerAddress"),
                or(own.readsPerKey(), defaults.readsPerKey(), organisationId, "readsPerKey"),
                or(own.readsPerAddress(), defaults.readsPerAddress(), organisationId, "readsPerAddress"));
    }

    /**
     * The directory checks every limit it accepts, so one the gateway cannot use comes from a bug or a foreign
     * producer; the default is then safer than refusing the organisation's requests or letting them through unlimited.
     */
    private static RateLimit or(RateLimitsData.Limit own, RateLimit fallback, UUID organisationId, String which) {
        if (own == null) {
            return fallback;
        }
        try {
            return new RateLimit(own.requests(), Duration.parse(own.per()));
        } catch (RuntimeException e) {
            LOG.warnf("Organisation %s has a %s limit the gateway cannot use (%s/%s); the default %s applies",
                    organisationId, which, own.requests(), own.per(), fallback);
            return fallback;
        }
    }
}
