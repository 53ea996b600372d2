package org.chorus.platform.idempotency;

import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.platform.retention.OldRows;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Forgets idempotency records once a client can no longer reasonably be retrying, so the table does not grow for
 * ever. Every replica may run it; deleting the same old rows twice is harmless.
 */
@ApplicationScoped
class IdempotencyRetention {

    private static final Logger LOG = Logger.getLogger(IdempotencyRetention.class);

    private final DataSource dataSource;
    private final Config config;

    IdempotencyRetention(DataSource dataSource, Config config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    @Scheduled(every = "1h", delayed = "5m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void prune() {
        try {
            OldRows.delete(dataSource, "idempotency_record", "created_at", config.retention());
        } catch (SQLException e) {
            LOG.warnf("Could not prune idempotency records: %s", e.getMessage());
        }
    }

    /** How long a retry with the same Idempotency-Key returns the first result. */
    @ConfigMapping(prefix = "chorus.idempotency")
    public interface Config {
        @WithDefault("24h")
        Duration retention();
    }
}
