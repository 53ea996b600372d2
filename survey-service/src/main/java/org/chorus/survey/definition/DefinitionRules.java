package org.chorus.survey.definition;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.chorus.platform.web.problem.FieldError;
import org.chorus.platform.web.problem.ProblemException;

/**
 * The rules a definition must follow beyond its JSON shape: English everywhere, unique ids, and for each question
 * type the settings it needs, so that every question of a published survey can be answered and checked.
 */
public final class DefinitionRules {

    static final int MAX_TEXT_LIMIT = 10_000;
    static final int MAX_SCALE_POINTS = 11;
    static final Set<String> RESERVED_IDS = Set.of("response_id", "survey_version", "submitted_at", "channel", "place");

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
        int options = q.optionsOrEmpty().size();
        switch (q.type()) {
            case RANKING -> {
                atLeast(options, 2, at + "/options", "a ranking needs at least 2 items");
                if (q.rankTopN() != null && (q.rankTopN() < 1 || q.rankTopN() > options)) {
                    fail(at + "/rankTopN", "must be between 1 and the number of items (" + options + ")");
                }
            }
            case CHOOSE_SEVERAL -> {
                atLeast(options, 1, at + "/options", "needs at least 1 option");
                int min = q.minChoices() == null ? 0 : q.minChoices();
                int max = q.maxChoices() == null ? options : q.maxChoices();
                if (min < 0 || min > options) {
                    fail(at + "/minChoices", "must be between 0 and the number of options (" + options + ")");
                }
                if (max < Math.max(1, min) || max > options) {
                    fail(at + "/maxChoices", "must be at least minChoices and 1, and at most the number of options");
                }
            }
            case SINGLE_CHOICE -> atLeast(options, 2, at + "/options", "a single choice needs at least 2 options");
            case FREE_TEXT -> {
                if (q.maxLength() != null && (q.maxLength() < 1 || q.maxLength() > MAX_TEXT_LIMIT)) {
                    fail(at + "/maxLength", "must be between 1 and " + MAX_TEXT_LIMIT);
                }
                atMost(options, 0, at + "/options", "a free-text question has no options");
            }
            case RATING -> checkScale(q, at);
            case DEMOGRAPHIC -> checkDemographic(q, at, options);
        }
    }

    private void checkScale(Question q, String at) {
        if (q.scaleMin() == null || q.scaleMax() == null) {
            fail(at + "/scaleMax", "a rating needs scaleMin and scaleMax");
        } else if (q.scaleMax() <= q.scaleMin() || q.scaleMax() - q.scaleMin() + 1 > MAX_SCALE_POINTS) {
            fail(at + "/scaleMax", "must be above scaleMin, with at most " + MAX_SCALE_POINTS + " points");
        }
    }

    private void checkDemographic(Question q, String at, int options) {
        if (q.demographic() == null) {
            fail(at + "/demographic", "a demographic question says what it asks: AGE_BAND, PLACE or SPECIAL_CATEGORY");
        }
        if (q.mustAnswer()) {
            fail(at + "/required", "demographic questions are always optional");
        }
        atLeast(options, 1, at + "/options", "needs at least 1 option");
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
        boolean placeQuestion = q.type() == QuestionType.DEMOGRAPHIC && q.demographic() == DemographicKind.PLACE;
        if (RESERVED_IDS.contains(q.id()) && !(placeQuestion && q.id().equals("place"))) {
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

    private void atLeast(int count, int least, String pointer, String rule) {
        if (count < least) {
            fail(pointer, rule);
        }
    }

    private void atMost(int count, int most, String pointer, String rule) {
        if (count > most) {
            fail(pointer, rule);
        }
    }

    private void fail(String pointer, String rule) {
        errors.add(FieldError.body(pointer, rule));
    }
}
