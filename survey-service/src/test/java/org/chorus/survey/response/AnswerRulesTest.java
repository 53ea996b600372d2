package org.chorus.survey.response;

import static org.chorus.survey.SurveyJson.answers;
import static org.chorus.survey.SurveyJson.brokenRules;
import static org.chorus.survey.SurveyJson.options;
import static org.chorus.survey.SurveyJson.published;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.chorus.survey.definition.PublishedSurvey;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * Answers checked against their survey version without HTTP: every broken rule at {@code /answers/<question>}, named
 * first, and only what the question asked for kept.
 */
class AnswerRulesTest {

    private static final String ITEMS = options("a", "b", "c", "d", "e");
    private static final PublishedSurvey SURVEY = published(
            "{\"id\": \"rank\", \"type\": \"RANKING\", \"required\": true, \"rankTopN\": 3, \"text\": {\"en\": \"Rank\"}, "
                    + "\"options\": " + ITEMS + "}",
            "{\"id\": \"pick\", \"type\": \"CHOOSE_SEVERAL\", \"minChoices\": 2, \"maxChoices\": 3, "
                    + "\"text\": {\"en\": \"Pick\"}, \"options\": " + ITEMS + "}",
            "{\"id\": \"say\", \"type\": \"FREE_TEXT\", \"maxLength\": 5, \"text\": {\"en\": \"Say\"}}",
            "{\"id\": \"rate\", \"type\": \"RATING\", \"scaleMin\": 1, \"scaleMax\": 5, \"text\": {\"en\": \"Rate\"}}",
            "{\"id\": \"ethnicity\", \"type\": \"DEMOGRAPHIC\", \"demographic\": \"SPECIAL_CATEGORY\", "
                    + "\"text\": {\"en\": \"Ethnic group\"}, \"options\": " + options("white", "asian", "other") + "}",
            "{\"id\": \"age\", \"type\": \"DEMOGRAPHIC\", \"demographic\": \"AGE_BAND\", \"text\": {\"en\": \"Age\"}, "
                    + "\"options\": " + options("young", "old") + "}");

    @Test
    void aCompleteResponseIsKeptAsAnswered() {
        Map<String, Answer> kept = AnswerRules.check(SURVEY, answers("{\"rank\": {\"ranking\": [\"c\", \"a\", \"e\"]}, "
                + "\"pick\": {\"choices\": [\"a\", \"b\"]}, \"say\": {\"text\": \"fine\"}, \"rate\": {\"rating\": 5}, "
                + "\"ethnicity\": {\"choice\": \"asian\", \"consent\": true}, \"age\": {\"choice\": \"old\"}}"));
        assertEquals(List.of("rank", "pick", "say", "rate", "ethnicity", "age"), List.copyOf(kept.keySet()));
        assertEquals(List.of("c", "a", "e"), kept.get("rank").ranking());
        assertEquals(Boolean.TRUE, kept.get("ethnicity").consent());
    }

    @Test
    void onlyThePartTheQuestionAskedForIsKept() {
        Map<String, Answer> kept = AnswerRules.check(SURVEY, answers("{\"rank\": {\"ranking\": [\"a\", \"b\", \"c\"], "
                + "\"text\": \"my name is Ann\", \"rating\": 3}, \"age\": {\"choice\": \"young\", \"consent\": true}}"));
        assertEquals(answers("{\"rank\": {\"ranking\": [\"a\", \"b\", \"c\"]}}").get("rank"), kept.get("rank"),
                "the ranking alone");
        assertEquals(null, kept.get("age").consent(), "consent is kept only where the question asks for it");
    }

    /**
     * A blank answer is dropped, so a field {@link Answer#isBlank} did not know of would drop every answer that uses
     * it: each field but the consent that goes with a choice makes an answer on its own.
     */
    @Test
    void everyAnswerFieldButConsentMakesAnAnswerOnItsOwn() throws ReflectiveOperationException {
        RecordComponent[] fields = Answer.class.getRecordComponents();
        for (int i = 0; i < fields.length; i++) {
            Object[] values = new Object[fields.length];
            values[i] = sampleOf(fields[i].getType());
            Answer alone = Answer.class.getDeclaredConstructor(Arrays.stream(fields).map(RecordComponent::getType)
                    .toArray(Class<?>[]::new)).newInstance(values);
            assertEquals(!fields[i].getName().equals("consent"), !alone.isBlank(), fields[i].getName());
        }
    }

    private static Object sampleOf(Class<?> type) {
        if (type == List.class) {
            return List.of("a");
        }
        if (type == String.class) {
            return "a";
        }
        if (type == Integer.class) {
            return 1;
        }
        if (type == Boolean.class) {
            return true;
        }
        throw new AssertionError("No sample answer value of " + type + ": add one here");
    }

    @Test
    void blankAnswersAreDroppedAndARequiredQuestionLeftBlankIsRefused() {
        assertEquals(List.of("/answers/rank: required: this question needs an answer"),
                broken("{\"rank\": {\"ranking\": []}, \"say\": {\"text\": \"   \"}}"));
        Map<String, Answer> kept = AnswerRules.check(SURVEY, answers(
                "{\"rank\": {\"ranking\": [\"a\", \"b\", \"c\"]}, \"say\": {\"text\": \" \"}, \"pick\": {}}"));
        assertEquals(List.of("rank"), List.copyOf(kept.keySet()));
    }

    @Test
    void eachBrokenRuleIsNamedAtItsQuestion() {
        assertEquals(List.of(
                "/answers/nope: unknown-question",
                "/answers/rank/ranking/1: unknown-item",
                "/answers/rank/ranking/2: duplicate-item",
                "/answers/pick/choices: too-many-choices",
                "/answers/say/text: too-long",
                "/answers/rate/rating: out-of-scale",
                "/answers/ethnicity/consent: consent-required",
                "/answers/age: wrong-shape"),
                ruleNames(broken("{\"nope\": {\"text\": \"x\"}, \"rank\": {\"ranking\": [\"a\", \"z\", \"a\"]}, "
                        + "\"pick\": {\"choices\": [\"a\", \"b\", \"c\", \"d\"]}, \"say\": {\"text\": \"too long\"}, "
                        + "\"rate\": {\"rating\": 0}, \"ethnicity\": {\"choice\": \"white\"}, \"age\": {\"text\": \"42\"}}")));
    }

    @Test
    void aTextsLengthIsCountedInCharactersAsPeopleSeeThem() {
        assertEquals(List.of(), broken(ranked() + ", \"say\": {\"text\": \"😀😀😀😀😀\"}}"), "five emoji in five");
        assertEquals(List.of("/answers/say/text: too-long: at most 5 characters"),
                broken(ranked() + ", \"say\": {\"text\": \"😀😀😀😀😀😀\"}}"));
    }

    @Test
    void aSpecialCategoryAnswerNeedsExplicitConsent() {
        assertEquals(List.of("/answers/ethnicity/consent: consent-required: this answer is stored only if the "
                + "respondent agrees; send consent true, or leave the question out"),
                broken(ranked() + ", \"ethnicity\": {\"choice\": \"white\", \"consent\": false}}"));
    }

    /** Generated rankings: accepted exactly when they rank N distinct known items; otherwise the rule says why. */
    @RepeatedTest(300)
    void aRankingIsAnOrderOfExactlyTopNDistinctItems(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        List<String> items = new ArrayList<>(List.of("a", "b", "c", "d", "e"));
        Collections.shuffle(items, random);
        List<String> ranking = new ArrayList<>(items.subList(0, random.nextInt(1, 6)));
        if (random.nextBoolean()) {
            ranking.set(random.nextInt(ranking.size()), random.nextBoolean() ? "z" : ranking.get(0));
        }
        boolean distinct = ranking.stream().distinct().count() == ranking.size();
        boolean known = items.containsAll(ranking);
        List<String> names = ruleNames(broken("{\"rank\": {\"ranking\": " + quoted(ranking) + "}}")).stream()
                .map(rule -> rule.substring(rule.indexOf(": ") + 2)).distinct().sorted().toList();

        List<String> expected = new ArrayList<>();
        if (!distinct) {
            expected.add("duplicate-item");
        }
        if (ranking.size() != 3) {
            expected.add("rank-count");
        }
        if (!known) {
            expected.add("unknown-item");
        }
        assertEquals(expected, names, ranking.toString());
    }

    /** Generated ratings: accepted exactly when on the scale. */
    @RepeatedTest(100)
    void aRatingIsAPointOfTheScale(RepetitionInfo repetition) {
        int rating = new Random(repetition.getCurrentRepetition()).nextInt(-3, 9);
        List<String> broken = broken(ranked() + ", \"rate\": {\"rating\": " + rating + "}}");
        assertEquals(rating >= 1 && rating <= 5 ? List.of() : List.of("/answers/rate/rating: out-of-scale: between 1 and 5"),
                broken, "rating " + rating);
    }

    /** Generated choices: between 2 and 3 distinct known options. */
    @RepeatedTest(100)
    void choicesCountBetweenTheQuestionsBounds(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        List<String> options = new ArrayList<>(List.of("a", "b", "c", "d", "e"));
        Collections.shuffle(options, random);
        List<String> choices = options.subList(0, random.nextInt(1, 6));
        List<String> broken = ruleNames(broken(ranked() + ", \"pick\": {\"choices\": " + quoted(choices) + "}}"));
        String expected = choices.size() > 3 ? "too-many-choices" : choices.size() < 2 ? "too-few-choices" : null;
        assertEquals(expected == null ? List.of() : List.of("/answers/pick/choices: " + expected), broken,
                choices.toString());
    }

    private static List<String> broken(String answers) {
        Map<String, Answer> given = answers(answers);
        return brokenRules(() -> AnswerRules.check(SURVEY, given));
    }

    /** "pointer: rule-name": the part of each broken rule that a website matches on. */
    private static List<String> ruleNames(List<String> broken) {
        return broken.stream().map(rule -> {
            int name = rule.indexOf(": ") + 2;
            int end = rule.indexOf(':', name);
            return end < 0 ? rule : rule.substring(0, end);
        }).toList();
    }

    /** The start of an answers object with the required ranking answered. */
    private static String ranked() {
        return "{\"rank\": {\"ranking\": [\"a\", \"b\", \"c\"]}";
    }

    private static String quoted(List<String> ids) {
        return ids.stream().map(id -> "\"" + id + "\"").toList().toString();
    }
}
