package org.chorus.survey.response;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chorus.platform.web.problem.FieldError;
import org.chorus.platform.web.problem.ProblemException;
import org.chorus.survey.definition.PublishedSurvey;
import org.chorus.survey.definition.Question;

/**
 * Checks every answer against the survey version it was given for, by its question's kind. Each broken rule is reported at
 * {@code /answers/<questionId>} with the rule's name first, so that a website can show it next to the question.
 */
final class AnswerRules {

    private final List<FieldError> errors = new ArrayList<>();

    private AnswerRules() {
    }

    /**
     * @return the answers worth storing: blank ones dropped
     * @throws ProblemException 422 listing every broken rule
     */
    static Map<String, Answer> check(PublishedSurvey survey, Map<String, Answer> answers) {
        AnswerRules rules = new AnswerRules();
        Map<String, Answer> kept = new LinkedHashMap<>();
        answers.forEach((questionId, answer) -> {
            var question = survey.definition().question(questionId);
            if (question.isEmpty()) {
                rules.fail(questionId, "unknown-question: version " + survey.version() + " has no such question");
            } else if (!answer.isBlank()) {
                // only the part the question's kind takes: anything else sent along was not asked of the respondent
                kept.put(questionId, question.get().kind().keptPart(answer));
            }
        });
        survey.definition().questions().forEach(q -> rules.checkQuestion(q, kept.get(q.id())));
        if (!rules.errors.isEmpty()) {
            throw ProblemException.invalid(rules.errors);
        }
        return kept;
    }

    private void checkQuestion(Question q, Answer answer) {
        if (answer == null) {
            if (q.mustAnswer()) {
                fail(q.id(), "required: this question needs an answer");
            }
            return;
        }
        q.kind().checkAnswer(answer, (where, rule) -> fail(q.id() + where, rule));
    }

    private void fail(String where, String rule) {
        errors.add(FieldError.body("/answers/" + where, rule));
    }
}
