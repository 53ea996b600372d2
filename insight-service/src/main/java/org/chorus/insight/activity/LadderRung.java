package org.chorus.insight.activity;

/** The rungs of the ladder of engagement and participation, from least to most power handed to people. */
public enum LadderRung {
    INFORMING,
    CONSULTING,
    INVOLVING,
    COLLABORATING,
    DEVOLVING
}
