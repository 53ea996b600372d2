package org.chorus.survey.question;

import java.util.ArrayList;
import java.util.List;

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

    /**
     * Counters that add up to {@link #ANSWERED} (each answer moves exactly one of them), as two known sums: with the
     * answered count, which is shown beside them, so that neither it nor one of them is hidden alone; and by
     * themselves, as before, since the answered count may be known elsewhere (a required question's is the responses).
     */
    static List<List<String>> summedAloneAndWithAnswered(List<String> keys) {
        List<String> withAnswered = new ArrayList<>(keys);
        withAnswered.add(ANSWERED);
        return List.of(keys, withAnswered);
    }
}
