package org.chorus.platform.web.problem;

import org.jboss.logging.Logger;

/**
 * Tells a scheduled job's outage once when it begins and once when it ends, instead of an error with a stack trace at
 * every run while the database is away: the next run simply tries again.
 */
public final class OutageLog {

    private final Logger log;
    private final String work;
    /** A job's runs never overlap (SKIP), so the flag needs no more than visibility between the scheduler's threads. */
    private volatile boolean unavailable;

    /** @param work what the job does, for the log: "close overdue surveys" */
    public OutageLog(Logger log, String work) {
        this.log = log;
        this.work = work;
    }

    /**
     * Runs one round of the job. A failure of the infrastructure ends the round quietly, to be tried again at the next
     * run; any other failure is a bug and propagates.
     */
    public void run(Runnable round) {
        try {
            round.run();
        } catch (RuntimeException e) {
            if (!InfrastructureFailures.isTransient(e)) {
                throw e;
            }
            if (!unavailable) {
                log.warnf("Cannot %s while the database is unavailable; trying at every run: %s", work,
                        e.getMessage());
                unavailable = true;
            }
            return;
        }
        if (unavailable) {
            log.infof("Able to %s again", work);
            unavailable = false;
        }
    }
}
