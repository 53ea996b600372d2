package org.chorus.survey.question;

import java.util.List;

import org.chorus.survey.definition.Question;
import org.chorus.survey.response.Answer;

/** Pick one option; answered with {@code choice}. */
public record SingleChoice(Question question) implements PicksOne {

    @Override
    public void checkSettings(Faults faults) {
        AnswerChecks.atLeast(question, 2, "a single choice needs at least 2 options", faults);
    }

    @Override
    public Answer keptPart(Answer answer) {
        return Answer.choice(answer.choice(), null);
    }

    @Override
    public List<ExportColumn> columns(ValueStyle style) {
        return List.of(column(question, style));
    }

    /** The one column {@code <question>}: the option's label, or its id as a code. */
    static ExportColumn column(Question question, ValueStyle style) {
        var cell = Options.cell(question, style);
        return new ExportColumn(question.id(), question.id(), ExportColumn.Type.STRING, ExportColumn.Measure.NOMINAL,
                Options.longestCell(question, style), question.text(), switch (style) {
                    case LABELS -> "The English label of the option chosen";
                    case CODES -> "The id of the option chosen";
                }, Options.categories(question), a -> a.choice() == null ? null : cell.apply(a.choice()));
    }

    @Override
    public int exportPosition() {
        return 2;
    }
}
