package org.chorus.platform.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How eagerly the outbox relay publishes, and how long published rows are kept for inspection. */
@ConfigMapping(prefix = "chorus.outbox")
public interface OutboxRelayConfig {

    /** Whether this replica runs a relay at all. */
    @WithDefault("true")
    boolean enabled();

    /**
     * The longest an event waits when no commit woke the relay: only one committed by a replica that stopped before
     * its own relay published it, since a replica's commits wake its relay and the relays take turns by a lock. Each
     * look is a transaction, so an idle service looking four times a second spent a fifth of its idle time on it.
     */
    @WithDefault("1s")
    Duration pollInterval();

    /**
     * The least time between the starts of two rounds that each publish less than a batch. Each commit wakes the
     * relay; under load, waiting this long lets one round, one produce request and one update carry the events of
     * many commits rather than one each. An event waits at most this long more, and the first after a quiet spell
     * not at all. Each round is also a produce request and, downstream, a fetch and an inbox transaction in every
     * consumer: at 16 clients (GatewayBench), 50 ms in place of 20 took the stack from 0.41-0.54 statements a
     * response to 0.29-0.35 (six runs against ten), for at most 30 ms more of a propagation budget of 500.
     */
    @WithDefault("50ms")
    Duration roundSpacing();

    /** Rows published per round. */
    @WithDefault("500")
    int batchSize();

    /** How long a relay waits for another replica's relay to end its round before leaving the work to it. */
    @WithDefault("5s")
    Duration lockWait();

    /** Pause after a failed round (broker down), so a long outage does not spin. */
    @WithDefault("2s")
    Duration retryBackoff();

    /** How long published rows stay in the table before they are deleted. */
    @WithDefault("7d")
    Duration retention();
}
