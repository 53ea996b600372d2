package org.chorus.survey.question;

import org.chorus.survey.results.Cell;

/** One question's counters within one group of respondents, as a kind reads them to build its results. */
public interface ResultCounts {

    /** The counter as it may be shown: its count, or suppressed. */
    Cell show(String answerKey);

    /** The counter's true count, for figures that are shown only when every part of them is. */
    long count(String answerKey);

    /** The language labels are given in; English where a label was not translated. */
    String language();
}
