package org.chorus.survey.response;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chorus.platform.web.problem.FieldError;
import org.chorus.platform.web.problem.ProblemException;
import org.chorus.survey.definition.PublishedSurvey;
import org.chorus.survey.definition.Question;

/**
 * Checks every answer against the survey version it was given for. Each broken rule is reported at
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
                kept.put(questionId, relevantPart(question.get(), answer));
            }
        });
        survey.definition().questions().forEach(q -> rules.checkQuestion(q, kept.get(q.id())));
        if (!rules.errors.isEmpty()) {
            throw ProblemException.invalid(rules.errors);
        }
        return kept;
    }

    /**
     * Only the field the question type takes (and consent where it is asked): anything else a client sent along, such
     * as text on a ranking, is not kept, since nobody asked the respondent for it.
     */
    private static Answer relevantPart(Question q, Answer a) {
        return switch (q.type()) {
            case RANKING -> Answer.ranking(a.ranking());
            case CHOOSE_SEVERAL -> Answer.choices(a.choices());
            case SINGLE_CHOICE, DEMOGRAPHIC -> Answer.choice(a.choice(), q.needsConsent() ? a.consent() : null);
            case FREE_TEXT -> Answer.text(a.text());
            case RATING -> Answer.rating(a.rating());
        };
    }

    private void checkQuestion(Question q, Answer answer) {
        if (answer == null) {
            if (q.mustAnswer()) {
                fail(q.id(), "required: this question needs an answer");
            }
            return;
        }
        switch (q.type()) {
            case RANKING -> checkRanking(q, answer);
            case CHOOSE_SEVERAL -> checkChoices(q, answer);
            case SINGLE_CHOICE, DEMOGRAPHIC -> checkChoice(q, answer);
            case FREE_TEXT -> checkText(q, answer);
            case RATING -> checkRating(q, answer);
        }
    }

    private void checkRanking(Question q, Answer answer) {
        if (!shape(q, answer.ranking() != null, "ranking")) {
            return;
        }
        checkKnownAndDistinct(q, answer.ranking(), "ranking", "item");
        if (answer.ranking().size() != q.positions()) {
            fail(q.id() + "/ranking", "rank-count: rank exactly " + q.positions() + " of the "
                    + q.optionsOrEmpty().size() + " items");
        }
    }

    private void checkChoices(Question q, Answer answer) {
        if (!shape(q, answer.choices() != null, "choices")) {
            return;
        }
        checkKnownAndDistinct(q, answer.choices(), "choices", "option");
        int min = q.minChoices() == null ? 0 : q.minChoices();
        int max = q.maxChoices() == null ? q.optionsOrEmpty().size() : q.maxChoices();
        if (answer.choices().size() > max) {
            fail(q.id() + "/choices", "too-many-choices: choose at most " + max);
        } else if (answer.choices().size() < min) {
            fail(q.id() + "/choices", "too-few-choices: choose at least " + min);
        }
    }

    private void checkChoice(Question q, Answer answer) {
        if (!shape(q, answer.choice() != null, "choice")) {
            return;
        }
        if (q.option(answer.choice()).isEmpty()) {
            fail(q.id() + "/choice", "unknown-option: '" + answer.choice() + "' is not one of the options");
        }
        if (q.needsConsent() && !Boolean.TRUE.equals(answer.consent())) {
            fail(q.id() + "/consent", "consent-required: this answer is stored only if the respondent agrees; "
                    + "send consent true, or leave the question out");
        }
    }

    private void checkText(Question q, Answer answer) {
        if (shape(q, answer.text() != null, "text")
                && answer.text().codePointCount(0, answer.text().length()) > q.textLimit()) {
            fail(q.id() + "/text", "too-long: at most " + q.textLimit() + " characters");
        }
    }

    private void checkRating(Question q, Answer answer) {
        if (shape(q, answer.rating() != null, "rating")
                && (answer.rating() < q.scaleMin() || answer.rating() > q.scaleMax())) {
            fail(q.id() + "/rating", "out-of-scale: between " + q.scaleMin() + " and " + q.scaleMax());
        }
    }

    private void checkKnownAndDistinct(Question q, List<String> ids, String field, String what) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (id == null || q.option(id).isEmpty()) {
                fail(q.id() + "/" + field + "/" + i, "unknown-" + what + ": '" + id + "' is not one of the " + what + "s");
            } else if (!seen.add(id)) {
                fail(q.id() + "/" + field + "/" + i, "duplicate-" + what + ": '" + id + "' is given twice");
            }
        }
    }

    /** @return whether the answer uses the field its question type takes and no other */
    private boolean shape(Question q, boolean present, String field) {
        if (!present) {
            fail(q.id(), "wrong-shape: a " + q.type() + " question is answered with '" + field + "'");
        }
        return present;
    }

    private void fail(String where, String rule) {
        errors.add(FieldError.body("/answers/" + where, rule));
    }
}
