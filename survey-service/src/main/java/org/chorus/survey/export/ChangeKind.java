package org.chorus.survey.export;

/** What happened to a response, as the change feed tells it. */
public enum ChangeKind {
    /** Submitted: an export resuming from the same cursor holds it, unless it was erased since. */
    SUBMITTED,
    /** Erased by its respondent: a copy drops the row with this response_id. */
    ERASED
}
