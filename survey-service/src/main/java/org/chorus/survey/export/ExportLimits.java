package org.chorus.survey.export;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How many exports an organisation may run at once: each holds a database connection and a core while it streams. */
@ConfigMapping(prefix = "chorus.survey.exports")
interface ExportLimits {

    /** Concurrent exports per organisation, across every replica. */
    @WithDefault("2")
    int perOrganisation();

    /** What a refused caller is told to wait: about as long as a typical export runs. */
    @WithDefault("30s")
    Duration retryAfter();
}
