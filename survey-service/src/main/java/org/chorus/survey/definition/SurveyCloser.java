package org.chorus.survey.definition;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.platform.web.problem.InfrastructureFailures;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * Records the closing of surveys whose closing time has passed, so that SurveyClosed is announced without anyone
 * pressing a button. Responses are refused from the closing time on regardless; this only catches the state up.
 */
@ApplicationScoped
class SurveyCloser {

    private static final Logger LOG = Logger.getLogger(SurveyCloser.class);
    private static final int BATCH = 100;

    private final SurveyService surveys;
    /** Runs never overlap (SKIP), so the flag needs no more than visibility between the scheduler's threads. */
    private volatile boolean databaseUnavailable;

    SurveyCloser(SurveyService surveys) {
        this.surveys = surveys;
    }

    @Scheduled(every = "${chorus.survey.close-check:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void closeDue() {
        try {
            while (surveys.closeDue(Instant.now(), BATCH) == BATCH) {
                // keep going until every overdue survey is closed
            }
        } catch (RuntimeException e) {
            if (!InfrastructureFailures.isTransient(e)) {
                throw e;
            }
            // An outage is logged once, not at every check, and the next check simply tries again.
            if (!databaseUnavailable) {
                LOG.warnf("Cannot close overdue surveys while the database is unavailable; trying at every check: %s",
                        e.getMessage());
                databaseUnavailable = true;
            }
            return;
        }
        if (databaseUnavailable) {
            LOG.info("Closing overdue surveys works again");
            databaseUnavailable = false;
        }
    }
}
