package org.chorus.survey.question;

import java.util.List;

import org.chorus.survey.definition.Question;
import org.chorus.survey.definition.Text;
import org.chorus.survey.response.Answer;

/** Pick between minChoices and maxChoices of the options; answered with {@code choices}. */
public record ChooseSeveral(Question question) implements PicksOptions {

    private static final List<ExportColumn.Category> PICKED = List.of(
            new ExportColumn.Category("0", Text.en("not chosen")), new ExportColumn.Category("1", Text.en("chosen")));

    @Override
    public void checkSettings(Faults faults) {
        int options = question.optionsOrEmpty().size();
        AnswerChecks.atLeast(question, 1, "needs at least 1 option", faults);
        int min = least();
        int max = most();
        if (min < 0 || min > options) {
            faults.fail("/minChoices", "must be between 0 and the number of options (" + options + ")");
        }
        if (max < Math.max(1, min) || max > options) {
            faults.fail("/maxChoices", "must be at least minChoices and 1, and at most the number of options");
        }
    }

    @Override
    public Answer keptPart(Answer answer) {
        return Answer.choices(answer.choices());
    }

    @Override
    public void checkAnswer(Answer answer, Faults faults) {
        if (!AnswerChecks.shape(question, answer.choices() != null, "choices", faults)) {
            return;
        }
        AnswerChecks.knownAndDistinct(question, answer.choices(), "choices", "option", faults);
        if (answer.choices().size() > most()) {
            faults.fail("/choices", "too-many-choices: choose at most " + most());
        } else if (answer.choices().size() < least()) {
            faults.fail("/choices", "too-few-choices: choose at least " + least());
        }
    }

    @Override
    public List<String> countedKeys(Answer answer) {
        return answer.choices().stream().map(AnswerKey::option).toList();
    }

    /** One 0/1 column per option, {@code <question>_<option>}, the same whatever the style. */
    @Override
    public List<ExportColumn> columns(ValueStyle style) {
        return question.optionsOrEmpty().stream().map(o -> new ExportColumn(question.id() + "_" + o.id(),
                question.id(), ExportColumn.Type.INTEGER, ExportColumn.Measure.NOMINAL, 0,
                Titles.joined(question.text(), o.label()),
                "1 when this option was chosen, 0 when not; empty when the question was not answered", PICKED,
                a -> a.choices() != null && a.choices().contains(o.id()) ? "1" : "0")).toList();
    }

    @Override
    public int exportPosition() {
        return 1;
    }

    private int least() {
        return question.minChoices() == null ? 0 : question.minChoices();
    }

    private int most() {
        return question.maxChoices() == null ? question.optionsOrEmpty().size() : question.maxChoices();
    }
}
