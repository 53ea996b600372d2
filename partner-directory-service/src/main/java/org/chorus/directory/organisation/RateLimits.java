package org.chorus.directory.organisation;

import java.time.Duration;
import java.util.stream.Stream;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.chorus.platform.events.contract.RateLimitsData;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An organisation's own limits for its publishable keys, kept in the directory so that a change needs no deployment. */
@Schema(name = "RateLimits", description = "Token buckets for this organisation's publishable (website) keys, enforced "
        + "by the gateway. A limit left out, or all of them, is the gateway's default; secret keys are not limited.",
        examples = "{\"submissionsPerAddress\": {\"requests\": 30, \"per\": \"PT1M\"}}")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RateLimits(
        @Valid @Schema(description = "Response submissions (POST /surveys/{id}/responses) per key")
        Limit submissionsPerKey,
        @Valid @Schema(description = "Response submissions per client address") Limit submissionsPerAddress,
        @Valid @Schema(description = "Every other request per key") Limit readsPerKey,
        @Valid @Schema(description = "Every other request per client address") Limit readsPerAddress) {

    /** More than this many requests in one bucket is no limit at all, so it is more likely a slip of the keyboard. */
    static final long MAX_REQUESTS = 1_000_000;

    /** One token bucket: a burst of {@code requests}, refilled evenly over {@code per}. */
    @Schema(name = "RateLimit", examples = "{\"requests\": 30, \"per\": \"PT1M\"}")
    public record Limit(
            @NotNull @Min(1) @Max(MAX_REQUESTS) @Schema(examples = "30") Long requests,
            @NotNull @RatePeriod @Schema(description = "ISO-8601 duration from PT1S to PT24H", examples = "PT1M")
            String per) {

        Limit canonical() {
            return new Limit(requests, Duration.parse(per.strip()).toString());
        }

        RateLimitsData.Limit toData() {
            return new RateLimitsData.Limit(requests, per);
        }
    }

    /** The limits with periods in canonical form (P1D becomes PT24H), or null when none is given. */
    static RateLimits canonical(RateLimits given) {
        if (given == null || Stream.of(given.submissionsPerKey, given.submissionsPerAddress, given.readsPerKey,
                given.readsPerAddress).allMatch(limit -> limit == null)) {
            return null;
        }
        return new RateLimits(canonical(given.submissionsPerKey), canonical(given.submissionsPerAddress),
                canonical(given.readsPerKey), canonical(given.readsPerAddress));
    }

    /** As the organisation events carry them; null stays null, the gateway's defaults. */
    static RateLimitsData toData(RateLimits limits) {
        return limits == null ? null : new RateLimitsData(toData(limits.submissionsPerKey),
                toData(limits.submissionsPerAddress), toData(limits.readsPerKey), toData(limits.readsPerAddress));
    }

    private static Limit canonical(Limit limit) {
        return limit == null ? null : limit.canonical();
    }

    private static RateLimitsData.Limit toData(Limit limit) {
        return limit == null ? null : limit.toData();
    }
}
