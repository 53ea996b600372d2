package org.chorus.survey.definition;

/** The kinds of question a survey can ask; each has its own answer shape and rules. */
public enum QuestionType {
    /** Put the items in order of importance: all of them, or the top N. Answer: {@code ranking}. */
    RANKING,
    /** Pick between min and max of the options. Answer: {@code choices}. */
    CHOOSE_SEVERAL,
    /** Pick one option. Answer: {@code choice}. */
    SINGLE_CHOICE,
    /** Write up to maxLength characters. Answer: {@code text}. */
    FREE_TEXT,
    /** A whole number between scaleMin and scaleMax. Answer: {@code rating}. */
    RATING,
    /** Something about the respondent; always optional. Answer: {@code choice}, and {@code consent} for special categories. */
    DEMOGRAPHIC
}
