package org.chorus.gateway.ratelimit;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.chorus.gateway.GatewayConfig;
import org.chorus.gateway.origins.OrganisationCache;
import org.chorus.platform.events.contract.ApiKeyData;
import org.chorus.platform.web.caller.ClientAddresses;
import org.chorus.platform.web.caller.KeyKind;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.vertx.core.http.HttpMethod;

/**
 * Limits what one website key, and one client address using it, may ask for, since a publishable key is public and
 * anyone can script it; each organisation's limits come from the directory ({@link RateLimitTiers}). The buckets live
 * in this replica's memory only: behind N gateway replicas a client gets up to N times the organisation's rate unless
 * the load balancer keeps it on one replica or the buckets move to a shared store.
 * Secret keys are not limited here: their holders are known partners, accountable through the audit log.
 */
@ApplicationScoped
public class RateLimiter {

    // Case-insensitive, as a service might route: a different spelling must not be a different bucket.
    private static final Pattern SUBMISSION = Pattern.compile("/api/v1/surveys/[^/]+/responses/?",
            Pattern.CASE_INSENSITIVE);

    /** What one check decided. */
    public record Decision(boolean allowed, long retryAfterSeconds, String detail) {

        static final Decision ALLOWED = new Decision(true, 0, null);
    }

    private enum Scope { KEY, ADDRESS }

    /**
     * Holds the limit, so that when the directory changes an organisation's limit the next request gets a bucket of
     * the new shape (full) and the old one is forgotten once idle.
     */
    private record BucketId(Scope scope, UUID organisationId, String subject, boolean submission, RateLimit limit) {
    }

    private final RateLimitTiers tiers;
    // Bounded and forgetting idle buckets, so that a flood of client addresses cannot exhaust memory. A bucket idle for
    // its own period has refilled, so forgetting it then lets nobody through who would have been stopped.
    private final Cache<BucketId, Bucket> buckets;

    @Inject
    public RateLimiter(GatewayConfig config, OrganisationCache organisations) {
        this(config.rateLimits(), organisations);
    }

    RateLimiter(GatewayConfig.RateLimits config, OrganisationCache organisations) {
        this.tiers = new RateLimitTiers(config, organisations);
        this.buckets = Caffeine.newBuilder()
                .maximumSize(config.maxBuckets())
                .expireAfter(Expiry.accessing((BucketId id, Bucket bucket) -> id.limit().period()))
                .build();
    }

    /**
     * Takes one token for the key and one for the client address.
     *
     * @param clientAddress the TCP peer, or the forwarded client when Quarkus is told to trust a proxy's headers
     */
    public Decision check(ApiKeyData key, HttpMethod method, String path, String clientAddress) {
        if (!KeyKind.PUBLISHABLE.isNamedBy(key.kind())) {
            return Decision.ALLOWED;
        }
        boolean submission = method == HttpMethod.POST && SUBMISSION.matcher(path).matches();
        RateLimitTiers.Tier tier = tiers.forOrganisation(key.organisationId());
        String what = submission ? "responses" : "requests";
        Bucket address = bucket(new BucketId(Scope.ADDRESS, key.organisationId(),
                String.valueOf(ClientAddresses.subscriber(clientAddress)),
                submission, tier.perAddress(submission)));
        ConsumptionProbe byAddress = address.tryConsumeAndReturnRemaining(1);
        if (!byAddress.isConsumed()) {
            return refused(byAddress, "Too many " + what + " from this address; retry after the time in Retry-After");
        }
        ConsumptionProbe byKey = bucket(new BucketId(Scope.KEY, key.organisationId(), key.keyId().toString(),
                submission, tier.perKey(submission))).tryConsumeAndReturnRemaining(1);
        if (!byKey.isConsumed()) {
            // The request does not happen, so it must not count against the address either.
            address.addTokens(1);
            return refused(byKey, "Too many " + what + " with this API key; retry after the time in Retry-After");
        }
        return Decision.ALLOWED;
    }

    long bucketCount() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private Bucket bucket(BucketId id) {
        return buckets.get(id, ignored -> Bucket.builder()
                .addLimit(limit -> limit.capacity(id.limit().requests())
                        .refillGreedy(id.limit().requests(), id.limit().period()))
                .build());
    }

    private static Decision refused(ConsumptionProbe probe, String detail) {
        long nanos = probe.getNanosToWaitForRefill();
        long seconds = Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
        return new Decision(false, seconds, detail);
    }
}
