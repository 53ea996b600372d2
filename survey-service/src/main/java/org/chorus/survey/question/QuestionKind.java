package org.chorus.survey.question;

import java.util.List;
import java.util.Optional;

import org.chorus.survey.definition.Question;
import org.chorus.survey.response.Answer;
import org.chorus.survey.results.SurveyResults;

/**
 * Everything one question type means, in one place: the settings its definition needs, the answers it takes, the
 * counters an answer moves, its results, and its export columns. A new type is a new kind; the compiler then names
 * every place that must handle it, as every switch over kinds is exhaustive. The kinds answered by picking options
 * ({@link ChooseSeveral}, and {@link SingleChoice} and {@link Demographic} which pick one) share what they can.
 */
public sealed interface QuestionKind permits Ranking, PicksOptions, FreeText, Rating {

    /** The only switch over question types: the kind of a question as its definition states it. */
    static QuestionKind of(Question question) {
        return switch (question.type()) {
            case RANKING -> new Ranking(question);
            case CHOOSE_SEVERAL -> new ChooseSeveral(question);
            case SINGLE_CHOICE -> new SingleChoice(question);
            case FREE_TEXT -> new FreeText(question);
            case RATING -> new Rating(question);
            case DEMOGRAPHIC -> new Demographic(question);
        };
    }

    Question question();

    /** The settings this type needs beyond the common ones (English texts, unique option ids). */
    void checkSettings(Faults faults);

    /** Only the part of an answer this type takes: anything else a client sent along is not kept. */
    Answer keptPart(Answer answer);

    /** The rules a given (not blank) answer must follow. */
    void checkAnswer(Answer answer, Faults faults);

    /** The counters a kept answer moves, besides {@link AnswerKey#ANSWERED}. */
    List<String> countedKeys(Answer answer);

    /** Every counter an answer could move: the cells of the question's results, zero or not. */
    List<String> answerKeys();

    /** The sets of counters whose sums a reader of the results knows or can bound, for suppression. */
    default List<List<String>> knownSums() {
        return List.of(answerKeys());
    }

    /** The question's results in one group of respondents. */
    SurveyResults.QuestionResults results(ResultCounts counts);

    /** The question's export columns, in order. */
    List<ExportColumn> columns(ValueStyle style);

    /** Where the question's columns come in an export: kinds in this order, questions in survey order within each. */
    int exportPosition();

    /** The group a response falls into by its answer here, for results broken down by this question. */
    default Optional<String> breakdown(Answer answer) {
        return Optional.empty();
    }

    /** Whether the question asks about the respondent: results break down by it, and public summaries leave it out. */
    default boolean describesRespondent() {
        return false;
    }

    /** Whether the answer is the response's place, which every export and breakdown already has a column for. */
    default boolean givesPlace() {
        return false;
    }
}
