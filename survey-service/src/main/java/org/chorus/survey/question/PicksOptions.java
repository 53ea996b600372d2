package org.chorus.survey.question;

import java.util.List;

import org.chorus.survey.results.SurveyResults;

/** The kinds answered by picking options: a counter per option, and results that say how many picked each. */
public sealed interface PicksOptions extends QuestionKind permits ChooseSeveral, PicksOne {

    @Override
    default List<String> answerKeys() {
        return Options.keys(question());
    }

    @Override
    default SurveyResults.QuestionResults results(ResultCounts counts) {
        return Options.results(question(), counts);
    }
}
