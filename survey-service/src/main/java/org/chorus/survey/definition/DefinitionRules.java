package org.chorus.survey.definition;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.chorus.platform.web.problem.FieldError;
import org.chorus.platform.web.problem.ProblemException;

/**
 * The rules a definition must follow beyond its JSON shape: English everywhere, unique ids, and for each question
 * the settings its kind needs, so that every question of a published survey can be answered and checked.
 */
public final class DefinitionRules {

    static final Set<String> RESERVED_IDS = Set.of("response_id", "survey_version", "submitted_at", "channel", "place",
            "language");

    private final List<FieldError> errors = new ArrayList<>();

    private DefinitionRules() {
    }

    /** @throws ProblemException 422 listing every broken rule with its JSON pointer */
    public static void check(SurveyDefinition definition) {
        DefinitionRules rules = new DefinitionRules();
        rules.checkSurvey(definition);
        if (!rules.errors.isEmpty()) {
            throw ProblemException.invalid(rules.errors);
        }
    }

    private void checkSurvey(SurveyDefinition d) {
        english(d.title(), "/title");
        english(d.introduction(), "/introduction");
        if (d.opensAt() != null && d.closesAt() != null && !d.opensAt().isBefore(d.closesAt())) {
            fail("/closesAt", "must be after opensAt");
        }
        Set<String> sectionIds = new HashSet<>();
        Set<String> questionIds = new HashSet<>();
        for (int s = 0; s < d.sections().size(); s++) {
            Section section = d.sections().get(s);
            String at = "/sections/" + s;
            unique(sectionIds, section.id(), at + "/id", "section");
            english(section.title(), at + "/title");
            english(section.introduction(), at + "/introduction");
            for (int q = 0; q < section.questions().size(); q++) {
                Question question = section.questions().get(q);
                String questionAt = at + "/questions/" + q;
                unique(questionIds, question.id(), questionAt + "/id", "question");
                reserved(question, questionAt + "/id");
                checkQuestion(question, questionAt);
            }
        }
        for (int g = 0; g < d.glossaryOrEmpty().size(); g++) {
            english(d.glossaryOrEmpty().get(g).term(), "/glossary/" + g + "/term");
            english(d.glossaryOrEmpty().get(g).definition(), "/glossary/" + g + "/definition");
        }
    }

    private void checkQuestion(Question q, String at) {
        english(q.text(), at + "/text");
        english(q.help(), at + "/help");
        checkOptions(q, at);
        q.kind().checkSettings((where, rule) -> fail(at + where, rule));
    }

    private void checkOptions(Question q, String at) {
        Set<String> ids = new HashSet<>();
        for (int o = 0; o < q.optionsOrEmpty().size(); o++) {
            Choice option = q.optionsOrEmpty().get(o);
            unique(ids, option.id(), at + "/options/" + o + "/id", "option");
            english(option.label(), at + "/options/" + o + "/label");
            english(option.description(), at + "/options/" + o + "/description");
        }
    }

    /** Exports start with these columns, and a question's own column must not be mistaken for one. */
    private void reserved(Question q, String pointer) {
        if (RESERVED_IDS.contains(q.id()) && !(q.kind().givesPlace() && q.id().equals("place"))) {
            fail(pointer, "is reserved for a column every export has; choose another id");
        }
    }

    private void english(Text text, String pointer) {
        if (text != null && !text.hasEnglish()) {
            fail(pointer, "needs an English text under \"en\"");
        }
    }

    private void unique(Set<String> seen, String id, String pointer, String what) {
        if (id != null && !seen.add(id)) {
            fail(pointer, "another " + what + " already has the id '" + id + "'");
        }
    }


    private void fail(String pointer, String rule) {
        errors.add(FieldError.body(pointer, rule));
    }
}
