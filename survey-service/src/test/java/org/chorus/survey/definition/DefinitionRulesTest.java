package org.chorus.survey.definition;

import static org.chorus.survey.SurveyJson.brokenRules;
import static org.chorus.survey.SurveyJson.definition;
import static org.chorus.survey.SurveyJson.options;
import static org.chorus.survey.SurveyJson.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** What a survey definition must say beyond its JSON shape, checked without HTTP on definitions written as JSON. */
class DefinitionRulesTest {

    @Test
    void aDefinitionWithEveryKindOfQuestionSetUpRightPasses() {
        assertEquals(List.of(), broken(
                "{\"id\": \"rank\", \"type\": \"RANKING\", \"text\": {\"en\": \"Rank\"}, \"rankTopN\": 2, \"options\": "
                        + options("a", "b", "c") + "}",
                "{\"id\": \"pick\", \"type\": \"CHOOSE_SEVERAL\", \"text\": {\"en\": \"Pick\"}, \"minChoices\": 1, "
                        + "\"maxChoices\": 2, \"options\": " + options("a", "b", "c") + "}",
                "{\"id\": \"one\", \"type\": \"SINGLE_CHOICE\", \"text\": {\"en\": \"One\"}, \"options\": "
                        + options("yes", "no") + "}",
                "{\"id\": \"say\", \"type\": \"FREE_TEXT\", \"text\": {\"en\": \"Say\"}, \"maxLength\": 10000}",
                "{\"id\": \"rate\", \"type\": \"RATING\", \"text\": {\"en\": \"Rate\"}, \"scaleMin\": 0, \"scaleMax\": 10}",
                "{\"id\": \"place\", \"type\": \"DEMOGRAPHIC\", \"demographic\": \"PLACE\", \"text\": {\"en\": \"Where\"}, "
                        + "\"options\": " + options("blackpool") + "}"));
    }

    @Test
    void everyBrokenRuleIsReportedAtOnceWithItsPointer() {
        List<String> broken = broken(
                "{\"id\": \"rank\", \"type\": \"RANKING\", \"text\": {\"cy\": \"Trefnu\"}, \"options\": "
                        + options("only") + "}",
                "{\"id\": \"rank\", \"type\": \"SINGLE_CHOICE\", \"text\": {\"en\": \"One\"}, \"options\": "
                        + options("yes", "yes") + "}");
        assertEquals(List.of(
                "/sections/0/questions/0/text: needs an English text under \"en\"",
                "/sections/0/questions/0/options: a ranking needs at least 2 items",
                "/sections/0/questions/1/id: another question already has the id 'rank'",
                "/sections/0/questions/1/options/1/id: another option already has the id 'yes'"), broken);
    }

    @Test
    void aSurveyClosesAfterItOpens() {
        SurveyDefinition backwards = read("{\"title\": {\"en\": \"T\"}, \"opensAt\": \"2024-05-01T00:00:00Z\", "
                + "\"closesAt\": \"2024-05-01T00:00:00Z\", \"sections\": [{\"id\": \"s\", \"title\": {\"en\": \"S\"}, "
                + "\"questions\": [" + freeText("q") + "]}]}", SurveyDefinition.class);
        assertEquals(List.of("/closesAt: must be after opensAt"), brokenRules(() -> DefinitionRules.check(backwards)));
    }

    @Test
    void idsThatExportsUseForTheirOwnColumnsAreReservedButPlaceMayNameThePlaceQuestion() {
        assertEquals(List.of("/sections/0/questions/0/id: is reserved for a column every export has; choose another id"),
                broken(freeText("channel")));
        assertEquals(List.of("/sections/0/questions/0/id: is reserved for a column every export has; choose another id"),
                broken(freeText("place")));
        assertEquals(List.of(), broken("{\"id\": \"place\", \"type\": \"DEMOGRAPHIC\", \"demographic\": \"PLACE\", "
                + "\"text\": {\"en\": \"Where\"}, \"options\": " + options("blackpool") + "}"));
    }

    @Test
    void demographicQuestionsSayWhatTheyAskAndAreNeverRequired() {
        assertEquals(List.of(
                "/sections/0/questions/0/demographic: a demographic question says what it asks: AGE_BAND, PLACE or "
                        + "SPECIAL_CATEGORY",
                "/sections/0/questions/0/required: demographic questions are always optional",
                "/sections/0/questions/0/options: needs at least 1 option"),
                broken("{\"id\": \"who\", \"type\": \"DEMOGRAPHIC\", \"required\": true, \"text\": {\"en\": \"Who\"}}"));
    }

    @Test
    void freeTextHasNoOptionsAndALimitTheExportCanHold() {
        assertEquals(List.of("/sections/0/questions/0/maxLength: must be between 1 and 10000",
                "/sections/0/questions/0/options: a free-text question has no options"),
                broken("{\"id\": \"say\", \"type\": \"FREE_TEXT\", \"text\": {\"en\": \"Say\"}, \"maxLength\": 10001, "
                        + "\"options\": " + options("a") + "}"));
        assertEquals(List.of("/sections/0/questions/0/maxLength: must be between 1 and 10000"),
                broken("{\"id\": \"say\", \"type\": \"FREE_TEXT\", \"text\": {\"en\": \"Say\"}, \"maxLength\": 0}"));
    }

    @Test
    void aRatingNeedsBothEndsOfItsScale() {
        assertEquals(List.of("/sections/0/questions/0/scaleMax: a rating needs scaleMin and scaleMax"),
                broken("{\"id\": \"rate\", \"type\": \"RATING\", \"text\": {\"en\": \"Rate\"}, \"scaleMax\": 5}"));
    }

    /** The number of points is counted without overflowing: from the least whole number up, it is not 5 or 6. */
    @Test
    void aRatingScaleAtTheEndsOfTheWholeNumbersIsCountedWithoutOverflow() {
        assertEquals(List.of("/sections/0/questions/0/scaleMax: must be above scaleMin, with at most 11 points"),
                broken("{\"id\": \"rate\", \"type\": \"RATING\", \"text\": {\"en\": \"Rate\"}, "
                        + "\"scaleMin\": -2147483648, \"scaleMax\": 5}"));
        assertEquals(List.of(), broken("{\"id\": \"rate\", \"type\": \"RATING\", \"text\": {\"en\": \"Rate\"}, "
                + "\"scaleMin\": 2147483641, \"scaleMax\": 2147483647}"));
    }

    /** Generated scales: accepted exactly when the top is above the bottom and there are at most 11 points. */
    @RepeatedTest(300)
    void aRatingScaleHasTwoToElevenPoints(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        int min = random.nextInt(-20, 21);
        int max = random.nextInt(-20, 31);
        boolean valid = max > min && max - min + 1 <= 11;
        List<String> broken = broken("{\"id\": \"rate\", \"type\": \"RATING\", \"text\": {\"en\": \"Rate\"}, "
                + "\"scaleMin\": " + min + ", \"scaleMax\": " + max + "}");
        assertEquals(valid, broken.isEmpty(), min + ".." + max + ": " + broken);
        assertTrue(valid || broken.equals(List.of(
                "/sections/0/questions/0/scaleMax: must be above scaleMin, with at most 11 points")), broken.toString());
    }

    /** Generated rankings: at least 2 items, and a top N between 1 and the number of items when one is given. */
    @RepeatedTest(300)
    void aRankingRanksAtLeastTwoItemsAndAtMostAllOfThem(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        String[] items = ids(random.nextInt(0, 7));
        Integer topN = random.nextBoolean() ? null : random.nextInt(-1, 9);
        List<String> expected = new java.util.ArrayList<>();
        if (items.length < 2) {
            expected.add("/sections/0/questions/0/options: a ranking needs at least 2 items");
        }
        if (topN != null && (topN < 1 || topN > items.length)) {
            expected.add("/sections/0/questions/0/rankTopN: must be between 1 and the number of items ("
                    + items.length + ")");
        }
        assertEquals(expected, broken("{\"id\": \"rank\", \"type\": \"RANKING\", \"text\": {\"en\": \"Rank\"}, "
                + "\"rankTopN\": " + topN + ", \"options\": " + options(items) + "}"));
    }

    /** Generated choose-several questions: 0 <= min <= options, and max(1, min) <= max <= options. */
    @RepeatedTest(300)
    void chooseSeveralBoundsLieWithinItsOptions(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        String[] options = ids(random.nextInt(0, 6));
        Integer min = random.nextInt(4) == 0 ? null : random.nextInt(-1, 7);
        Integer max = random.nextInt(4) == 0 ? null : random.nextInt(-1, 8);
        int effectiveMin = min == null ? 0 : min;
        int effectiveMax = max == null ? options.length : max;
        List<String> expected = new java.util.ArrayList<>();
        if (options.length < 1) {
            expected.add("/sections/0/questions/0/options: needs at least 1 option");
        }
        if (effectiveMin < 0 || effectiveMin > options.length) {
            expected.add("/sections/0/questions/0/minChoices: must be between 0 and the number of options ("
                    + options.length + ")");
        }
        if (effectiveMax < Math.max(1, effectiveMin) || effectiveMax > options.length) {
            expected.add("/sections/0/questions/0/maxChoices: must be at least minChoices and 1, and at most the "
                    + "number of options");
        }
        assertEquals(expected, broken("{\"id\": \"pick\", \"type\": \"CHOOSE_SEVERAL\", \"text\": {\"en\": \"Pick\"}, "
                + "\"minChoices\": " + min + ", \"maxChoices\": " + max + ", \"options\": " + options(options) + "}"));
    }

    @Test
    void aSingleChoiceOffersAtLeastTwoOptions() {
        assertEquals(List.of("/sections/0/questions/0/options: a single choice needs at least 2 options"),
                broken("{\"id\": \"one\", \"type\": \"SINGLE_CHOICE\", \"text\": {\"en\": \"One\"}, \"options\": "
                        + options("yes") + "}"));
    }

    private static List<String> broken(String... questions) {
        SurveyDefinition definition = definition(questions);
        return brokenRules(() -> DefinitionRules.check(definition));
    }

    private static String freeText(String id) {
        return "{\"id\": \"" + id + "\", \"type\": \"FREE_TEXT\", \"text\": {\"en\": \"Say\"}}";
    }

    private static String[] ids(int count) {
        String[] ids = new String[count];
        for (int i = 0; i < count; i++) {
            ids[i] = "item-" + (i + 1);
        }
        return ids;
    }
}
