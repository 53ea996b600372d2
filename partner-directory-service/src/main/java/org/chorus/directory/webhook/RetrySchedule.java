package org.chorus.directory.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When a failed delivery is tried again: exponential backoff with full jitter in its upper half (so that receivers
 * coming back are not hit by every sender at once), until {@link WebhookConfig#giveUpAfter()} has passed since the
 * first attempt. Pure arithmetic, so that it is tested without HTTP.
 */
public final class RetrySchedule {

    private final Duration firstRetry;
    private final Duration maxInterval;
    private final Duration giveUpAfter;
    private final RandomGenerator random;

    public RetrySchedule(Duration firstRetry, Duration maxInterval, Duration giveUpAfter, RandomGenerator random) {
        this.firstRetry = firstRetry;
        this.maxInterval = maxInterval;
        this.giveUpAfter = giveUpAfter;
        this.random = random;
    }

    static RetrySchedule of(WebhookConfig config) {
        return new RetrySchedule(config.firstRetry(), config.maxRetryInterval(), config.giveUpAfter(),
                RandomGenerator.getDefault());
    }

    /** The interval after the n-th failed attempt (1-based) before jitter: first, 2 x first, 4 x first... capped. */
    public Duration interval(int failedAttempts) {
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 40);
        long millis = firstRetry.toMillis();
        for (int i = 0; i < doublings && millis < maxInterval.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, maxInterval.toMillis()));
    }

    /**
     * @return when to try again after the n-th failed attempt, or empty when the delivery is given up: at least
     *         {@code giveUpAfter} has passed since its first attempt
     */
    public Optional<Instant> next(int failedAttempts, Instant firstAttempt, Instant now) {
        if (!now.isBefore(firstAttempt.plus(giveUpAfter))) {
            return Optional.empty();
        }
        long full = interval(failedAttempts).toMillis();
        long jittered = full / 2 + (full / 2 == 0 ? 0 : random.nextLong(full / 2 + 1));
        return Optional.of(now.plusMillis(jittered));
    }
}
