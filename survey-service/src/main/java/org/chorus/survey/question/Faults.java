package org.chorus.survey.question;

/** Where a kind reports a broken rule: relative to the question's place in the definition or in a response. */
@FunctionalInterface
public interface Faults {

    /**
     * @param where below the question's pointer: "" for the question itself, or e.g. "/options", "/ranking/2"
     * @param rule what is wrong, as the caller reads it
     */
    void fail(String where, String rule);
}
