package org.chorus.survey.question;

import java.util.List;

import org.chorus.survey.response.Answer;

/** The kinds answered with one option, {@code choice}: checked and counted alike. */
public sealed interface PicksOne extends PicksOptions permits SingleChoice, Demographic {

    @Override
    default void checkAnswer(Answer answer, Faults faults) {
        AnswerChecks.choice(question(), answer, faults);
    }

    @Override
    default List<String> countedKeys(Answer answer) {
        return List.of(AnswerKey.option(answer.choice()));
    }

    @Override
    default List<List<String>> knownSums() {
        return AnswerKey.summedAloneAndWithAnswered(answerKeys());
    }
}
