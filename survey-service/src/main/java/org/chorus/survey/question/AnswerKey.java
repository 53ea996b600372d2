package org.chorus.survey.question;

/** The names of the counters an answer moves, as the tally stores them and results read them. */
public final class AnswerKey {

    /** Counted once for every response that answered the question. */
    public static final String ANSWERED = "answered";

    private AnswerKey() {
    }

    public static String rank(String item, int position) {
        return "rank:" + item + ":" + position;
    }

    public static String option(String option) {
        return "option:" + option;
    }

    public static String rating(int value) {
        return "rating:" + value;
    }
}
