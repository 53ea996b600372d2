package org.chorus.survey.export;

import java.time.Duration;

import org.chorus.platform.web.problem.ProblemException;

/** Every export slot of the caller's organisation is taken: a 429 that says when to try again. */
public final class ExportsBusy extends ProblemException {

    private final Duration retryAfter;

    ExportsBusy(int slots, Duration retryAfter) {
        super(429, "too-many-exports", "Too many exports",
                "Your organisation already runs " + slots + " exports, the most it may run at once; retry after "
                        + "the seconds in Retry-After, or once one of them has finished");
        this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
