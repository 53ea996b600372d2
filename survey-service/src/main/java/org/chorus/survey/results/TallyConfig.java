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

    /** How often to look for responses another replica accepted; this replica's own commits wake it at once. */
    @WithDefault("1s")
    Duration pollInterval();

    /** How long to wait before trying again after the database refused a round. */
    @WithDefault("2s")
    Duration retryBackoff();
}
