package org.chorus.survey.question;

import static org.chorus.survey.SurveyJson.options;
import static org.chorus.survey.SurveyJson.published;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.chorus.survey.definition.PublishedSurvey;
import org.chorus.survey.definition.Question;
import org.chorus.survey.response.Answer;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** Each question kind's counters and export columns, below HTTP; its definition and answer rules have tests of their own. */
class QuestionKindsTest {

    private static final PublishedSurvey SURVEY = published(
            "{\"id\": \"say\", \"type\": \"FREE_TEXT\", \"text\": {\"en\": \"Say\"}}",
            "{\"id\": \"age\", \"type\": \"DEMOGRAPHIC\", \"demographic\": \"AGE_BAND\", \"text\": {\"en\": \"Age\"}, "
                    + "\"options\": " + options("young", "old") + "}",
            "{\"id\": \"where\", \"type\": \"DEMOGRAPHIC\", \"demographic\": \"PLACE\", \"text\": {\"en\": \"Where\"}, "
                    + "\"options\": " + options("blackpool", "preston") + "}",
            "{\"id\": \"rate\", \"type\": \"RATING\", \"scaleMin\": 1, \"scaleMax\": 5, \"text\": {\"en\": \"Rate\"}}",
            "{\"id\": \"one\", \"type\": \"SINGLE_CHOICE\", \"text\": {\"en\": \"One\", \"cy\": \"Un\"}, \"options\": "
                    + "[{\"id\": \"yes\", \"label\": {\"en\": \"Yes\", \"cy\": \"Ie\"}}, {\"id\": \"no\", \"label\": {\"en\": \"No\"}}]}",
            "{\"id\": \"pick\", \"type\": \"CHOOSE_SEVERAL\", \"text\": {\"en\": \"Pick\"}, \"options\": "
                    + options("x", "y", "z") + "}",
            "{\"id\": \"rank\", \"type\": \"RANKING\", \"rankTopN\": 2, \"text\": {\"en\": \"Rank\"}, \"options\": "
                    + options("a", "b", "c") + "}");

    @Test
    void eachTypeHasItsKind() {
        Map<String, Class<?>> kinds = Map.of("say", FreeText.class, "age", Demographic.class, "where",
                Demographic.class, "rate", Rating.class, "one", SingleChoice.class, "pick", ChooseSeveral.class,
                "rank", Ranking.class);
        kinds.forEach((id, kind) -> assertInstanceOf(kind, question(id).kind(), id));
    }

    /** Kinds come in a fixed order whatever the survey's order; the place question's answer is the place column. */
    @Test
    void exportColumnsComeKindByKindWithTheirTypesAndLevels() {
        assertEquals(List.of("rank_rank_1:STRING:NOMINAL", "rank_rank_2:STRING:NOMINAL", "pick_x:INTEGER:NOMINAL",
                "pick_y:INTEGER:NOMINAL", "pick_z:INTEGER:NOMINAL", "one:STRING:NOMINAL", "rate:INTEGER:ORDINAL",
                "say:STRING:NOMINAL", "age:STRING:NOMINAL"), describe(ValueStyle.LABELS));
        assertEquals(List.of("rank_a:INTEGER:ORDINAL", "rank_b:INTEGER:ORDINAL", "rank_c:INTEGER:ORDINAL",
                "pick_x:INTEGER:NOMINAL", "pick_y:INTEGER:NOMINAL", "pick_z:INTEGER:NOMINAL", "one:STRING:NOMINAL",
                "rate:INTEGER:ORDINAL", "say:STRING:NOMINAL", "age:STRING:NOMINAL"), describe(ValueStyle.CODES));
    }

    @Test
    void choiceColumnsHoldLabelsOrCodesAndCarryTheirCodesLabelsInEveryLanguage() {
        ExportColumn labels = column("one", ValueStyle.LABELS, 0);
        ExportColumn codes = column("one", ValueStyle.CODES, 0);
        assertEquals("Yes", labels.value().apply(Answer.choice("yes", null)));
        assertEquals("yes", codes.value().apply(Answer.choice("yes", null)));
        assertEquals("gone", codes.value().apply(Answer.choice("gone", null)), "an option a later version dropped");
        assertEquals(Map.of("en", "One", "cy", "Un"), codes.title().values());
        assertEquals(List.of("yes", "no"), codes.categories().stream().map(ExportColumn.Category::code).toList());
        assertEquals(List.of(Map.of("en", "Yes", "cy", "Ie"), Map.of("en", "No")),
                codes.categories().stream().map(c -> c.label().values()).toList());
        ExportColumn picked = column("pick", ValueStyle.CODES, 1);
        assertEquals(Map.of("en", "Pick: y"), picked.title().values());
        assertEquals(List.of("0", "1"), picked.categories().stream().map(ExportColumn.Category::code).toList());
        assertEquals("1", picked.value().apply(Answer.choices(List.of("y", "z"))));
        assertEquals("0", picked.value().apply(Answer.choices(List.of("x"))));
    }

    /**
     * A generated top-2 ranking of three items: with labels, rank column n holds the label of the item put n-th;
     * with codes, each item's column holds the rank it was given, and is empty for the item left out.
     */
    @RepeatedTest(200)
    void aRankingExportsByRankWithLabelsAndByItemWithCodes(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        List<String> items = new ArrayList<>(List.of("a", "b", "c"));
        Collections.shuffle(items, random);
        Answer answer = Answer.ranking(items.subList(0, 2));
        List<ExportColumn> byRank = question("rank").kind().columns(ValueStyle.LABELS);
        assertEquals(items.subList(0, 2), byRank.stream().map(c -> c.value().apply(answer)).toList());
        Map<String, String> byItem = question("rank").kind().columns(ValueStyle.CODES).stream()
                .collect(Collectors.toMap(ExportColumn::name, c -> String.valueOf(c.value().apply(answer))));
        assertEquals(Map.of("rank_" + items.get(0), "1", "rank_" + items.get(1), "2", "rank_" + items.get(2), "null"),
                byItem);
    }

    /** Whatever a valid answer is, every counter it moves is a cell of its question's results. */
    @RepeatedTest(300)
    void everyCounterAnAnswerMovesIsACellOfTheResults(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        Map<String, Answer> answers = Map.of(
                "rank", Answer.ranking(shuffled(random, "a", "b", "c").subList(0, 2)),
                "pick", Answer.choices(shuffled(random, "x", "y", "z").subList(0, random.nextInt(4))),
                "one", Answer.choice(random.nextBoolean() ? "yes" : "no", null),
                "rate", Answer.rating(random.nextInt(1, 6)),
                "age", Answer.choice(random.nextBoolean() ? "young" : "old", null),
                "say", Answer.text("words"));
        answers.forEach((id, answer) -> {
            QuestionKind kind = question(id).kind();
            List<String> errors = new ArrayList<>();
            kind.checkAnswer(answer, (where, rule) -> errors.add(where + " " + rule));
            assertEquals(List.of(), errors, id);
            Set<String> cells = new HashSet<>(kind.answerKeys());
            cells.add(AnswerKey.ANSWERED);
            assertTrue(cells.containsAll(kind.countedKeys(answer)), id + " moves " + kind.countedKeys(answer));
            kind.knownSums().forEach(sum -> assertTrue(cells.containsAll(sum), id));
        });
        assertEquals(2, question("rank").kind().countedKeys(answers.get("rank")).size(), "one counter per rank");
        assertEquals(List.of(), question("say").kind().countedKeys(answers.get("say")), "words are never counted");
    }

    @Test
    void onlyDemographicQuestionsBreakResultsDownAndOnlyThePlaceQuestionGivesThePlace() {
        assertEquals(Set.of("age", "where"), SURVEY.definition().questions()
                .filter(q -> q.kind().describesRespondent()).map(Question::id).collect(Collectors.toSet()));
        assertEquals(Set.of("where"), SURVEY.definition().questions().filter(q -> q.kind().givesPlace())
                .map(Question::id).collect(Collectors.toSet()));
        assertEquals("old", question("age").kind().breakdown(Answer.choice("old", null)).orElseThrow());
        assertTrue(question("one").kind().breakdown(Answer.choice("yes", null)).isEmpty());
        assertNull(question("rate").kind().breakdown(Answer.rating(3)).orElse(null));
    }

    private static List<String> describe(ValueStyle style) {
        return SURVEY.definition().questions().map(Question::kind)
                .sorted(java.util.Comparator.comparingInt(QuestionKind::exportPosition))
                .flatMap(k -> k.columns(style).stream())
                .map(c -> c.name() + ":" + c.type() + ":" + c.measure()).toList();
    }

    private static ExportColumn column(String questionId, ValueStyle style, int index) {
        return question(questionId).kind().columns(style).get(index);
    }

    /** A scale ending at the largest whole number has its points, and its results, without wrapping round. */
    @Test
    void aRatingAtTheTopOfTheWholeNumbersHasItsSevenPoints() {
        Rating top = (Rating) published("{\"id\": \"top\", \"type\": \"RATING\", \"scaleMin\": 2147483641, "
                + "\"scaleMax\": 2147483647, \"text\": {\"en\": \"Top\"}}").definition().question("top")
                .orElseThrow().kind();
        assertEquals(7, top.answerKeys().size());
        assertEquals("rating:2147483647", top.answerKeys().get(6));
        var results = top.results(new ResultCounts() {
            @Override
            public org.chorus.survey.results.Cell show(String answerKey) {
                return org.chorus.survey.results.Cell.of(count(answerKey), false);
            }

            @Override
            public long count(String answerKey) {
                return answerKey.equals("rating:2147483647") ? 6 : 0;
            }

            @Override
            public String language() {
                return "en";
            }
        });
        assertEquals(7, results.ratings().size());
        assertEquals(2147483647.0, results.meanRating());
    }

    /**
     * Answers that each move one counter: those counters and the answered count are one known sum; a ranking's too,
     * rank by rank, and item by item when every item is ranked.
     */
    @Test
    void countersThatAddUpToTheAnsweredCountAreSummedWithIt() {
        assertEquals(List.of(List.of("option:yes", "option:no"), List.of("option:yes", "option:no", "answered")),
                question("one").kind().knownSums());
        assertEquals(List.of("option:young", "option:old", "answered"), question("age").kind().knownSums().get(1));
        assertEquals(List.of("rating:1", "rating:2", "rating:3", "rating:4", "rating:5", "answered"),
                question("rate").kind().knownSums().get(1));
        assertEquals(List.of(List.of("rank:a:1", "rank:b:1", "rank:c:1"), List.of("rank:a:1", "rank:b:1", "rank:c:1",
                "answered"), List.of("rank:a:2", "rank:b:2", "rank:c:2"), List.of("rank:a:2", "rank:b:2", "rank:c:2",
                "answered"), List.of("rank:a:1", "rank:a:2"), List.of("rank:b:1", "rank:b:2"),
                List.of("rank:c:1", "rank:c:2")), question("rank").kind().knownSums(),
                "a top 2 of 3: an item's counts add up to no figure shown");
        assertEquals(List.of(List.of("option:x", "option:y", "option:z")), question("pick").kind().knownSums(),
                "several options an answer: no sum is the answered count");
    }

    private static Question question(String id) {
        return SURVEY.definition().question(id).orElseThrow();
    }

    private static List<String> shuffled(Random random, String... ids) {
        List<String> list = new ArrayList<>(List.of(ids));
        Collections.shuffle(list, random);
        return list;
    }
}
