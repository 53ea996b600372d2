package org.chorus.survey.question;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.chorus.survey.definition.Question;
import org.chorus.survey.response.Answer;

/** Answer rules that several kinds share: the field used, ids that must be options, and one option picked. */
final class AnswerChecks {

    private AnswerChecks() {
    }

    /** @return whether the answer uses the field its question type takes */
    static boolean shape(Question q, boolean present, String field, Faults faults) {
        if (!present) {
            faults.fail("", "wrong-shape: a " + q.type() + " question is answered with '" + field + "'");
        }
        return present;
    }

    /** Every id one of the question's options, none twice. */
    static void knownAndDistinct(Question q, List<String> ids, String field, String what, Faults faults) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (id == null || q.option(id).isEmpty()) {
                faults.fail("/" + field + "/" + i, "unknown-" + what + ": '" + id + "' is not one of the " + what + "s");
            } else if (!seen.add(id)) {
                faults.fail("/" + field + "/" + i, "duplicate-" + what + ": '" + id + "' is given twice");
            }
        }
    }

    /** One of the options, with consent where the question asks for it. */
    static void choice(Question q, Answer answer, Faults faults) {
        if (!shape(q, answer.choice() != null, "choice", faults)) {
            return;
        }
        if (q.option(answer.choice()).isEmpty()) {
            faults.fail("/choice", "unknown-option: '" + answer.choice() + "' is not one of the options");
        }
        if (q.needsConsent() && !Boolean.TRUE.equals(answer.consent())) {
            faults.fail("/consent", "consent-required: this answer is stored only if the respondent agrees; "
                    + "send consent true, or leave the question out");
        }
    }

    /** Fewer than {@code least} options or items. */
    static void atLeast(Question q, int least, String rule, Faults faults) {
        if (q.optionsOrEmpty().size() < least) {
            faults.fail("/options", rule);
        }
    }
}
