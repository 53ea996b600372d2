package org.chorus.survey.question;

import java.util.List;

import org.chorus.survey.definition.Question;
import org.chorus.survey.response.Answer;
import org.chorus.survey.results.SurveyResults;

/** Write up to maxLength characters; answered with {@code text}. Only whether it was answered is counted. */
public record FreeText(Question question) implements QuestionKind {

    /** The longest answer a question may allow, in characters. */
    static final int MAX_TEXT_LIMIT = 10_000;

    @Override
    public void checkSettings(Faults faults) {
        Integer limit = question.maxLength();
        if (limit != null && (limit < 1 || limit > MAX_TEXT_LIMIT)) {
            faults.fail("/maxLength", "must be between 1 and " + MAX_TEXT_LIMIT);
        }
        if (!question.optionsOrEmpty().isEmpty()) {
            faults.fail("/options", "a free-text question has no options");
        }
    }

    @Override
    public Answer keptPart(Answer answer) {
        return Answer.text(answer.text());
    }

    @Override
    public void checkAnswer(Answer answer, Faults faults) {
        if (AnswerChecks.shape(question, answer.text() != null, "text", faults)
                && answer.text().codePointCount(0, answer.text().length()) > question.textLimit()) {
            faults.fail("/text", "too-long: at most " + question.textLimit() + " characters");
        }
    }

    /** The words are read in exports, never counted. */
    @Override
    public List<String> countedKeys(Answer answer) {
        return List.of();
    }

    @Override
    public List<String> answerKeys() {
        return List.of();
    }

    @Override
    public SurveyResults.QuestionResults results(ResultCounts counts) {
        return new SurveyResults.QuestionResults(question.id(), question.type(),
                question.text().label(counts.language()), counts.show(AnswerKey.ANSWERED), null, null, null, null);
    }

    @Override
    public List<ExportColumn> columns(ValueStyle style) {
        return List.of(new ExportColumn(question.id(), question.id(), ExportColumn.Type.STRING,
                ExportColumn.Measure.NOMINAL, question.textLimit(), question.text(), "What the respondent wrote",
                List.of(),
                Answer::text));
    }

    @Override
    public int exportPosition() {
        return 4;
    }
}
