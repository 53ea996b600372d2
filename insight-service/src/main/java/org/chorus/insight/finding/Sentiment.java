package org.chorus.insight.finding;

/** How people felt about what a finding reports. */
public enum Sentiment {
    POSITIVE,
    CONCERN,
    MIXED
}
