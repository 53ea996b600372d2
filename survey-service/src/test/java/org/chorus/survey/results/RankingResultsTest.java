package org.chorus.survey.results;

import static org.chorus.survey.SurveyJson.options;
import static org.chorus.survey.SurveyJson.published;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.chorus.platform.web.suppression.Suppression;
import org.chorus.survey.definition.PublishedSurvey;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * The arithmetic of ranking results, from counters as the service keeps them: first preferences, mean rank and Borda
 * score (rank r of n scores n - r + 1, unranked 0), and their absence where a rank count is suppressed.
 */
class RankingResultsTest {

    @Test
    void aWorkedExample() {
        PublishedSurvey survey = ranking(3, null);
        // 5 put a before b before c, 6 put c before a before b
        Tallies tallies = new Tallies(survey, TallyKey.ALL)
                .add(answer(List.of("item-1", "item-2", "item-3")), 5)
                .add(answer(List.of("item-3", "item-1", "item-2")), 6);
        Map<String, SurveyResults.RankedItem> items = items(tallies);

        assertEquals(5L, items.get("item-1").firstPreferences().count());
        assertEquals(5 * 3 + 6 * 2L, items.get("item-1").bordaScore());
        assertEquals(5 * 2 + 6 * 1L, items.get("item-2").bordaScore());
        assertEquals(5 * 1 + 6 * 3L, items.get("item-3").bordaScore());
        assertEquals((5 * 1 + 6 * 2) / 11.0, items.get("item-1").meanRank(), 1e-9);
        assertEquals((5 * 3 + 6 * 1) / 11.0, items.get("item-3").meanRank(), 1e-9);
    }

    /**
     * Generated rankings, each given by 5 or more people so that no count is suppressed: Borda scores add up to the
     * respondents times the points one ranking gives out, each item's mean rank lies within the ranks asked for,
     * and both equal what the respondents' own rankings say.
     */
    @RepeatedTest(200)
    void bordaScoresAndMeanRanksAgreeWithTheRankingsGiven(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        int items = random.nextInt(2, 7);
        Integer topN = random.nextBoolean() ? null : random.nextInt(1, items + 1);
        int positions = topN == null ? items : topN;
        PublishedSurvey survey = ranking(items, topN);
        Tallies tallies = new Tallies(survey, TallyKey.ALL);
        Map<String, long[]> expected = new HashMap<>(); // item -> {borda, people, sum of ranks, first preferences}
        int respondents = 0;
        for (int distinct = random.nextInt(1, 6); distinct > 0; distinct--) {
            List<String> order = shuffledItems(items, random).subList(0, positions);
            int people = random.nextInt(5, 40);
            tallies.add(answer(order), people);
            respondents += people;
            for (int r = 1; r <= order.size(); r++) {
                long[] item = expected.computeIfAbsent(order.get(r - 1), k -> new long[4]);
                item[0] += (long) people * (items - r + 1);
                item[1] += people;
                item[2] += (long) people * r;
                item[3] += r == 1 ? people : 0;
            }
        }

        long bordaTotal = 0;
        for (SurveyResults.RankedItem item : items(tallies).values()) {
            long[] given = expected.getOrDefault(item.itemId(), new long[4]);
            assertEquals(given[0], item.bordaScore(), item.itemId() + " Borda");
            assertEquals(given[3], item.firstPreferences().count(), item.itemId() + " first preferences");
            if (given[1] == 0) {
                assertNull(item.meanRank(), "nobody ranked " + item.itemId());
            } else {
                assertEquals((double) given[2] / given[1], item.meanRank(), 1e-9, item.itemId() + " mean rank");
                assertTrue(item.meanRank() >= 1 && item.meanRank() <= positions, item.meanRank() + " in [1, N]");
            }
            bordaTotal += item.bordaScore();
        }
        long pointsPerRanking = 0;
        for (int r = 1; r <= positions; r++) {
            pointsPerRanking += items - r + 1;
        }
        assertEquals(respondents * pointsPerRanking, bordaTotal);
    }

    /**
     * Generated small numbers: no count of 1 to 4 is ever shown, an item's distribution never has exactly one
     * suppressed rank (the item's total would give it away), nor does a rank across items, and mean and Borda are
     * shown only when every rank they are made of is.
     */
    @RepeatedTest(200)
    void smallCountsNeverShowAndNeverFollowFromWhatDoes(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        int items = random.nextInt(2, 6);
        PublishedSurvey survey = ranking(items, null);
        Tallies tallies = new Tallies(survey, TallyKey.ALL);
        for (int distinct = random.nextInt(1, 6); distinct > 0; distinct--) {
            tallies.add(answer(shuffledItems(items, random)), random.nextInt(1, 12));
        }
        List<SurveyResults.RankedItem> ranked = List.copyOf(items(tallies).values());
        for (SurveyResults.RankedItem item : ranked) {
            item.rankDistribution().forEach(RankingResultsTest::assertNotSmall);
            long suppressed = item.rankDistribution().stream().filter(c -> c.count() == null).count();
            assertTrue(suppressed != 1, item.itemId() + " has one suppressed rank: " + item.rankDistribution());
            assertEquals(suppressed == 0, item.meanRank() != null, "mean rank of " + item.itemId());
            assertEquals(suppressed == 0, item.bordaScore() != null, "Borda score of " + item.itemId());
        }
        for (int r = 0; r < items; r++) {
            int rank = r;
            long suppressed = ranked.stream().filter(i -> i.rankDistribution().get(rank).count() == null).count();
            assertTrue(suppressed != 1, "rank " + (r + 1) + " has one suppressed item");
        }
    }

    static void assertNotSmall(Cell cell) {
        assertTrue(cell.count() == null ? Boolean.TRUE.equals(cell.suppressed())
                : cell.count() == 0 || cell.count() >= Suppression.THRESHOLD, "shown: " + cell);
    }

    private static Map<String, SurveyResults.RankedItem> items(Tallies tallies) {
        Map<String, SurveyResults.RankedItem> items = new HashMap<>();
        tallies.question("", "rank").items().forEach(item -> items.put(item.itemId(), item));
        return items;
    }

    private static PublishedSurvey ranking(int items, Integer topN) {
        String[] ids = new String[items];
        for (int i = 0; i < items; i++) {
            ids[i] = "item-" + (i + 1);
        }
        return published("{\"id\": \"rank\", \"type\": \"RANKING\", \"rankTopN\": " + topN
                + ", \"text\": {\"en\": \"Rank\"}, \"options\": " + options(ids) + "}");
    }

    private static List<String> shuffledItems(int items, Random random) {
        List<String> order = new ArrayList<>();
        for (int i = 1; i <= items; i++) {
            order.add("item-" + i);
        }
        Collections.shuffle(order, random);
        return order;
    }

    private static String answer(List<String> order) {
        return "{\"rank\": {\"ranking\": " + order.stream().map(id -> "\"" + id + "\"").toList() + "}}";
    }
}
