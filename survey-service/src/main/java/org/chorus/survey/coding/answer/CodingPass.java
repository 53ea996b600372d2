package org.chorus.survey.coding.answer;

/** Which coder's reading a coding is: the first, or the second coder's blind one, which measures agreement. */
public enum CodingPass {
    FIRST,
    SECOND
}
