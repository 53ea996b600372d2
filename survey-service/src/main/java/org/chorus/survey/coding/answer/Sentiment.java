package org.chorus.survey.coding.answer;

/** How an answer feels, as a coder reads it. */
public enum Sentiment {
    POSITIVE,
    NEUTRAL,
    NEGATIVE,
    MIXED
}
