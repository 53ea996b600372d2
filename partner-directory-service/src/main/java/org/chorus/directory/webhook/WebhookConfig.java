package org.chorus.directory.webhook;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How webhooks are sent, retried and given up, and whether a developer's receiver on loopback is allowed. */
@ConfigMapping(prefix = "chorus.webhooks")
public interface WebhookConfig {

    /**
     * Lets subscriptions target loopback addresses, over http too, so that a developer's receiver on 127.0.0.1 works.
     * Never in production: true only in the local stack ({@code ./chorus up}) and in tests.
     */
    @WithDefault("false")
    boolean allowLoopback();

    /**
     * Where partners reach the API, e.g. {@code https://chorus.example.org}, the gateway's public address: a payload's
     * {@code link} is made absolute under it, so that a receiver can follow it as it is. Unset, the link is the path
     * alone, to be read under whatever address the partner calls the API at.
     */
    Optional<URI> publicUrl();

    /** Whether this replica runs a sender at all. */
    @WithDefault("true")
    boolean senderEnabled();

    /** The wait before the first retry; each further retry waits twice as long, up to {@link #maxRetryInterval()}. */
    @WithDefault("5s")
    Duration firstRetry();

    @WithDefault("2h")
    Duration maxRetryInterval();

    /** A delivery still failing this long after its first attempt is given up (at least a day, as promised). */
    @WithDefault("25h")
    Duration giveUpAfter();

    /**
     * Failed attempts in a row, across the subscription's deliveries, after which a subscription is disabled. The
     * default is about five days of retries at the longest interval.
     */
    @WithDefault("60")
    int disableAfterFailures();

    /** How long the previous secret keeps signing beside the new one after a rotation. */
    @WithDefault("24h")
    Duration previousSecretGrace();

    /** The longest one attempt may take to connect and be answered; with the lookup of its host, a second more. */
    @WithDefault("10s")
    Duration sendTimeout();

    /** The longest a due delivery waits when no new event woke the sender (another replica's, or a retry's). */
    @WithDefault("1s")
    Duration pollInterval();

    /** Deliveries sent per round. */
    @WithDefault("20")
    int batchSize();
}
