package org.chorus.survey.export;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.platform.time.StoredTime;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How far exports and the change feed reach: to a moment slightly before now, so that a response or an erasure
 * still committing is not skipped by the next call that resumes from the cursor.
 */
@ApplicationScoped
class SettleHorizon {

    private final Duration settle;

    SettleHorizon(@ConfigProperty(name = "chorus.survey.export-settle") Duration settle) {
        this.settle = settle;
    }

    /** Every write before this instant has committed or failed by now; PostgreSQL keeps microseconds. */
    Instant settled() {
        return StoredTime.now().minus(settle);
    }
}
