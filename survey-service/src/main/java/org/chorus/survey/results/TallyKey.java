package org.chorus.survey.results;

/**
 * One counter: how many responses in a slice (dimension and its value, e.g. channel PHONE) gave an answer
 * (e.g. item X at rank 2 of question Q).
 */
record TallyKey(String dimension, String dimensionValue, String questionId, String answerKey) {

    static final String ALL = "all";
    static final String CHANNEL = "channel";
    static final String PLACE = "place";
    /** Breakdown by the answer to a demographic question: the dimension is this prefix and the question id. */
    static final String DEMOGRAPHIC_PREFIX = "question:";
    /** The question id under which whole responses are counted. */
    static final String SURVEY = "*";
    static final String RESPONSES = "responses";
}
