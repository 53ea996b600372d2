package org.chorus.gateway.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.chorus.gateway.GatewayConfig;
import org.chorus.gateway.origins.OrganisationCache;
import org.chorus.platform.events.contract.ApiKeyData;
import org.chorus.platform.events.contract.OrganisationData;
import org.chorus.platform.events.contract.RateLimitsData;
import org.junit.jupiter.api.Test;

import io.vertx.core.http.HttpMethod;

/** The limiter's decisions, with the organisation replica fed directly as the directory's events would feed it. */
class RateLimiterTest {

    private static final UUID ORGANISATION = UUID.randomUUID();
    private static final UUID GENEROUS = UUID.randomUUID();
    private static final String SUBMIT = "/api/v1/surveys/s/responses";

    private final OrganisationCache organisations = new OrganisationCache();

    @Test
    void aFloodOfClientAddressesCannotGrowTheBucketsBeyondTheBound() {
        RateLimiter limiter = new RateLimiter(config(100), organisations);
        ApiKeyData key = key(ORGANISATION);
        for (int i = 0; i < 5_000; i++) {
            limiter.check(key, HttpMethod.GET, "/api/v1/surveys", "10.0." + (i / 250) + "." + (i % 250));
        }
        assertTrue(limiter.bucketCount() <= 100, limiter.bucketCount() + " buckets kept");
    }

    @Test
    void submissionsAndReadsHaveTheirOwnBucketsAndRetryAfterIsRoundedUp() {
        RateLimiter limiter = new RateLimiter(config(1000), organisations);
        ApiKeyData key = key(ORGANISATION);
        String submit = "/api/v1/surveys/" + UUID.randomUUID() + "/responses";
        assertTrue(limiter.check(key, HttpMethod.POST, submit, "10.0.0.1").allowed());
        assertTrue(limiter.check(key, HttpMethod.POST, submit, "10.0.0.1").allowed());
        RateLimiter.Decision refused = limiter.check(key, HttpMethod.POST, submit, "10.0.0.1");
        assertFalse(refused.allowed());
        // 2 per 3 seconds refills one token every 1.5 s: a caller told "1" would come back too early.
        assertEquals(2, refused.retryAfterSeconds());
        assertTrue(limiter.check(key, HttpMethod.GET, submit, "10.0.0.1").allowed());
        assertTrue(limiter.check(key, HttpMethod.POST, "/api/v1/surveys", "10.0.0.1").allowed());
    }

    @Test
    void anOrganisationsOwnLimitFromTheDirectoryReplacesOnlyTheOneItNames() {
        RateLimiter limiter = new RateLimiter(config(1000), organisations);
        announce(GENEROUS, 1, new RateLimitsData(null, new RateLimitsData.Limit(5, "PT1H"), null, null));
        // Its address limit is raised to 5; a new key each time keeps the default key limit (2) out of the way.
        assertEquals(5, allowedInARow(limiter, () -> key(GENEROUS), "10.0.0.2"));
        // Its key limit is the default one.
        ApiKeyData key = key(GENEROUS);
        assertTrue(limiter.check(key, HttpMethod.POST, SUBMIT, "10.0.0.4").allowed());
        assertTrue(limiter.check(key, HttpMethod.POST, SUBMIT, "10.0.0.5").allowed());
        assertFalse(limiter.check(key, HttpMethod.POST, SUBMIT, "10.0.0.6").allowed());
    }

    @Test
    void aChangedLimitAppliesToTheNextRequestAndARemovedOneFallsBackToTheDefault() {
        RateLimiter limiter = new RateLimiter(config(1000), organisations);
        UUID organisation = UUID.randomUUID();
        announce(organisation, 1, addressLimit(3));
        assertEquals(3, allowedInARow(limiter, () -> key(organisation), "10.0.1.1"));

        announce(organisation, 2, addressLimit(7));
        assertEquals(7, allowedInARow(limiter, () -> key(organisation), "10.0.1.1"));

        announce(organisation, 3, null);
        assertEquals(2, allowedInARow(limiter, () -> key(organisation), "10.0.1.1"), "the default: 2 per 3 s");
    }

    @Test
    void aLimitTheGatewayCannotUseIsTheDefaultNotAnOutage() {
        RateLimiter limiter = new RateLimiter(config(1000), organisations);
        UUID organisation = UUID.randomUUID();
        announce(organisation, 1, new RateLimitsData(null, new RateLimitsData.Limit(0, "soon"), null, null));
        assertEquals(2, allowedInARow(limiter, () -> key(organisation), "10.0.1.2"));
    }

    @Test
    void ipv6ClientsAreCountedPerSlash64SinceOneSubscriberHoldsAWholeOne() {
        RateLimiter limiter = new RateLimiter(config(1000), organisations);
        UUID organisation = UUID.randomUUID();
        int[] host = { 0 };
        // Every submission from another address of one /64, as a client rotating its interface id would send them.
        assertEquals(2, allowedInARow(limiter, () -> key(organisation), () -> "2001:db8:1:2::" + (++host[0])));
        assertTrue(limiter.check(key(organisation), HttpMethod.POST, SUBMIT, "2001:db8:1:3::1").allowed(),
                "the next /64 is another subscriber");
        assertTrue(limiter.check(key(organisation), HttpMethod.POST, SUBMIT, "10.0.7.2").allowed());
        assertTrue(limiter.check(key(organisation), HttpMethod.POST, SUBMIT, "10.0.7.3").allowed(),
                "IPv4 clients are still counted per address");
    }

    @Test
    void secretKeysAreNotLimited() {
        RateLimiter limiter = new RateLimiter(config(1000), organisations);
        ApiKeyData secret = new ApiKeyData(UUID.randomUUID(), ORGANISATION, "secret", "h", List.of(), false, null);
        for (int i = 0; i < 10; i++) {
            assertTrue(limiter.check(secret, HttpMethod.POST, "/api/v1/surveys/s/responses", "10.0.0.3").allowed());
        }
    }

    @Test
    void aMistypedLimitStopsTheGatewayAtStartup() {
        assertThrows(IllegalArgumentException.class, () -> RateLimit.parse("ten a minute"));
        assertThrows(IllegalArgumentException.class, () -> RateLimit.parse("0/1m"));
        assertEquals(new RateLimit(10, Duration.ofMinutes(1)), RateLimit.parse("10/1m"));
    }

    /** How many submissions in a row the address may make, each with a key from {@code keys}. */
    private static int allowedInARow(RateLimiter limiter, Supplier<ApiKeyData> keys, String address) {
        return allowedInARow(limiter, keys, () -> address);
    }

    private static int allowedInARow(RateLimiter limiter, Supplier<ApiKeyData> keys, Supplier<String> addresses) {
        int allowed = 0;
        while (limiter.check(keys.get(), HttpMethod.POST, SUBMIT, addresses.get()).allowed()) {
            allowed++;
            assertTrue(allowed < 100, "never limited");
        }
        return allowed;
    }

    private void announce(UUID organisation, long sequence, RateLimitsData limits) {
        organisations.apply(new OrganisationData(organisation, "Partner", "HEALTHWATCH", null, List.of(), List.of(),
                true, sequence, limits), sequence);
    }

    private static RateLimitsData addressLimit(long submissions) {
        return new RateLimitsData(null, new RateLimitsData.Limit(submissions, "PT1H"), null, null);
    }

    private static ApiKeyData key(UUID organisation) {
        return new ApiKeyData(UUID.randomUUID(), organisation, "publishable", "h", List.of(), false, null);
    }

    /** The defaults every organisation without its own limits gets. */
    private static GatewayConfig.RateLimits config(long maxBuckets) {
        return new GatewayConfig.RateLimits() {
            @Override
            public Tier defaults() {
                return tier("2/3s", "2/3s", "1000/1s", "1000/1s");
            }

            @Override
            public long maxBuckets() {
                return maxBuckets;
            }
        };
    }

    private static GatewayConfig.RateLimits.Tier tier(String submissionsPerKey, String submissionsPerAddress,
            String readsPerKey, String readsPerAddress) {
        return new GatewayConfig.RateLimits.Tier() {
            @Override
            public String submissionsPerKey() {
                return submissionsPerKey;
            }

            @Override
            public String submissionsPerAddress() {
                return submissionsPerAddress;
            }

            @Override
            public String readsPerKey() {
                return readsPerKey;
            }

            @Override
            public String readsPerAddress() {
                return readsPerAddress;
            }
        };
    }
}
