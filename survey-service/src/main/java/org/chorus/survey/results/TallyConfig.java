package org.chorus.survey.results;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the counters catch up with accepted responses. */
@ConfigMapping(prefix = "chorus.survey.tallies")
interface TallyConfig {

    /**
     * Whether this replica counts waiting responses. Replicas share the work safely, so all may; one can be kept
     * out of it, e.g. one serving only exports.
     */
    @WithDefault("true")
    boolean counting();

    /** At most this many waiting responses are counted in one transaction. */
    @WithDefault("1000")
    int batchSize();

    /**
     * How often to look for waiting responses: how far results may lag. Longer gathers more responses per round,
     * so that each counter moves once for many of them.
     */
    @WithDefault("1s")
    Duration pollInterval();

    /** How long to wait before trying again after the database refused a round. */
    @WithDefault("2s")
    Duration retryBackoff();
}
