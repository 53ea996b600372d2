package org.chorus.survey.definition;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.platform.time.StoredTime;
import org.chorus.platform.web.problem.OutageLog;
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
    /** The job's name for the scheduler, by which it can be paused. */
    static final String JOB = "close-overdue-surveys";

    private final SurveyService surveys;
    private final OutageLog outage = new OutageLog(LOG, "close overdue surveys");

    SurveyCloser(SurveyService surveys) {
        this.surveys = surveys;
    }

    @Scheduled(identity = JOB, every = "${chorus.survey.close-check:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void closeDue() {
        outage.run(() -> {
            while (surveys.closeDue(StoredTime.now(), BATCH) == BATCH) {
                // keep going until every overdue survey is closed
            }
        });
    }
}
