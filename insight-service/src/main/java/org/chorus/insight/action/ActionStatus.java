package org.chorus.insight.action;

/** Where a decision taken on findings stands. */
public enum ActionStatus {
    PLANNED,
    IN_PROGRESS,
    DONE,
    /** Decided against; the action then carries the reason, so people hear why. */
    NOT_TAKEN_FORWARD
}
