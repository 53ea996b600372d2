package org.chorus.survey.question;

import java.util.List;
import java.util.Optional;

import org.chorus.survey.definition.DemographicKind;
import org.chorus.survey.definition.Question;
import org.chorus.survey.response.Answer;

/**
 * Something about the respondent, always optional; answered with {@code choice}, and {@code consent} for special
 * categories. Results break down by it, and a place question's answer is the response's place.
 */
public record Demographic(Question question) implements PicksOne {

    @Override
    public void checkSettings(Faults faults) {
        if (question.demographic() == null) {
            faults.fail("/demographic",
                    "a demographic question says what it asks: AGE_BAND, PLACE or SPECIAL_CATEGORY");
        }
        if (question.mustAnswer()) {
            faults.fail("/required", "demographic questions are always optional");
        }
        AnswerChecks.atLeast(question, 1, "needs at least 1 option", faults);
    }

    @Override
    public Answer keptPart(Answer answer) {
        return Answer.choice(answer.choice(), question.needsConsent() ? answer.consent() : null);
    }

    /** Like a single choice, except the place question: its answer is already the export's place column. */
    @Override
    public List<ExportColumn> columns(ValueStyle style) {
        return givesPlace() ? List.of() : List.of(SingleChoice.column(question, style));
    }

    @Override
    public int exportPosition() {
        return 5;
    }

    @Override
    public Optional<String> breakdown(Answer answer) {
        return Optional.ofNullable(answer.choice());
    }

    @Override
    public boolean describesRespondent() {
        return true;
    }

    @Override
    public boolean givesPlace() {
        return question.demographic() == DemographicKind.PLACE;
    }
}
