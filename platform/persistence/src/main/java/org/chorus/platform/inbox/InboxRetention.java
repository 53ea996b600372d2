package org.chorus.platform.inbox;

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
 * Forgets inbox rows once their event can no longer be redelivered, so the table does not grow for ever. Events are
 * redelivered only from uncommitted offsets, or after a consumer group's offsets expired (seven days by default),
 * when the group reads its topics again from the start: rows must outlive that. Every replica may run it.
 */
@ApplicationScoped
class InboxRetention {

    private static final Logger LOG = Logger.getLogger(InboxRetention.class);

    private final DataSource dataSource;
    private final Config config;

    InboxRetention(DataSource dataSource, Config config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    @Scheduled(every = "${chorus.inbox.prune-every:1h}", delayed = "5m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduledPrune() {
        try {
            prune();
        } catch (SQLException e) {
            LOG.warnf("Could not prune the inbox: %s", e.getMessage());
        }
    }

    /** @return how many rows were forgotten */
    int prune() throws SQLException {
        return OldRows.delete(dataSource, "inbox_event", "processed_at", config.retention());
    }

    /** How long the inbox remembers an applied event. */
    @ConfigMapping(prefix = "chorus.inbox")
    public interface Config {
        @WithDefault("30d")
        Duration retention();
    }
}
