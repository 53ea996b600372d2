package org.chorus.gateway.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.chorus.gateway.GatewayConfig;
import org.chorus.platform.events.contract.ApiKeyData;
import org.junit.jupiter.api.Test;

import io.vertx.core.http.HttpMethod;

class RateLimiterTest {

    private static final UUID ORGANISATION = UUID.randomUUID();
    private static final UUID GENEROUS = UUID.randomUUID();

    @Test
    void aFloodOfClientAddressesCannotGrowTheBucketsBeyondTheBound() {
        RateLimiter limiter = new RateLimiter(config(100));
        ApiKeyData key = key(ORGANISATION);
        for (int i = 0; i < 5_000; i++) {
            limiter.check(key, HttpMethod.GET, "/api/v1/surveys", "10.0." + (i / 250) + "." + (i % 250));
        }
        assertTrue(limiter.bucketCount() <= 100, limiter.bucketCount() + " buckets kept");
    }

    @Test
    void submissionsAndReadsHaveTheirOwnBucketsAndRetryAfterIsRoundedUp() {
        RateLimiter limiter = new RateLimiter(config(1000));
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
    void anOrganisationsOverrideReplacesOnlyWhatItNames() {
        RateLimiter limiter = new RateLimiter(config(1000));
        String submit = "/api/v1/surveys/s/responses";
        // Its address limit is raised to 5; a new key each time keeps the default key limit (2) out of the way.
        for (int i = 0; i < 5; i++) {
            assertTrue(limiter.check(key(GENEROUS), HttpMethod.POST, submit, "10.0.0.2").allowed());
        }
        assertFalse(limiter.check(key(GENEROUS), HttpMethod.POST, submit, "10.0.0.2").allowed());
        // Its key limit is the default one.
        ApiKeyData key = key(GENEROUS);
        assertTrue(limiter.check(key, HttpMethod.POST, submit, "10.0.0.4").allowed());
        assertTrue(limiter.check(key, HttpMethod.POST, submit, "10.0.0.5").allowed());
        assertFalse(limiter.check(key, HttpMethod.POST, submit, "10.0.0.6").allowed());
    }

    @Test
    void secretKeysAreNotLimited() {
        RateLimiter limiter = new RateLimiter(config(1000));
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

    private static ApiKeyData key(UUID organisation) {
        return new ApiKeyData(UUID.randomUUID(), organisation, "publishable", "h", List.of(), false, null);
    }

    private static GatewayConfig.RateLimits config(long maxBuckets) {
        return new GatewayConfig.RateLimits() {
            @Override
            public Tier defaults() {
                return tier("2/3s", "2/3s", "1000/1s", "1000/1s");
            }

            @Override
            public Map<String, OrganisationTier> organisations() {
                return Map.of(GENEROUS.toString(), new OrganisationTier() {
                    @Override
                    public Optional<String> submissionsPerKey() {
                        return Optional.empty();
                    }

                    @Override
                    public Optional<String> submissionsPerAddress() {
                        return Optional.of("5/1h");
                    }

                    @Override
                    public Optional<String> readsPerKey() {
                        return Optional.empty();
                    }

                    @Override
                    public Optional<String> readsPerAddress() {
                        return Optional.empty();
                    }
                });
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
