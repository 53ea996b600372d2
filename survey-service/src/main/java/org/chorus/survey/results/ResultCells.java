package org.chorus.survey.results;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chorus.platform.web.suppression.Suppression;
import org.chorus.survey.definition.PublishedSurvey;
import org.chorus.survey.definition.Question;
import org.chorus.survey.question.AnswerKey;
import org.chorus.survey.question.ResultCounts;

/**
 * The cells of one results table (every group, question and answer the definition allows, zero or not), which of
 * them are suppressed, and the views built from them, labelled in one language. What cells a question has and how
 * its results read them is its kind's business.
 */
final class ResultCells {

    /** The key of a cell of earlier versions' answers; a counter's keys have a colon where this has none. */
    private static final String EARLIER_VERSIONS = "earlier versions ";

    private final PublishedSurvey survey;
    private final Map<Address, Long> counts;
    private final Set<Address> hidden;
    private final String language;

    /** @param language of the labels; English where a label was not translated */
    ResultCells(PublishedSurvey survey, Map<Address, Long> counts, List<String> groups, String language) {
        this.survey = survey;
        this.counts = new HashMap<>(counts);
        this.language = language;
        Suppression<Address> suppression = new Suppression<>(this.counts);
        for (Address column : columns("")) {
            suppression.knownSum(groups.stream().map(g -> new Address(g, column.questionId(), column.answerKey())).toList());
        }
        for (String group : groups) {
            survey.definition().questions().forEach(q -> {
                List<List<String>> sums = q.kind().knownSums();
                for (int i = 0; i < sums.size(); i++) {
                    suppression.knownSum(withEarlierVersions(group, q.id(), sums.get(i), i));
                }
            });
        }
        this.hidden = suppression.hidden();
    }

    /**
     * The cells of a known sum, and, in one with the answered count, the answers of earlier versions the latest has
     * no cell for (an option dropped, a scale narrowed): never shown, they are the answered count less the other
     * cells, so they are a cell of their own here, suppressed as any, lest a few of them be that difference.
     */
    private List<Address> withEarlierVersions(String group, String questionId, List<String> keys, int sum) {
        List<Address> cells = new ArrayList<>(keys.stream().map(k -> new Address(group, questionId, k)).toList());
        if (!keys.contains(AnswerKey.ANSWERED)) {
            return cells;
        }
        long earlier = cells.stream().mapToLong(c -> c.answerKey().equals(AnswerKey.ANSWERED)
                ? counts.getOrDefault(c, 0L) : -counts.getOrDefault(c, 0L)).sum();
        if (earlier > 0) {
            Address cell = new Address(group, questionId, EARLIER_VERSIONS + sum);
            counts.put(cell, earlier);
            cells.add(cell);
        }
        return cells;
    }

    /** Every cell of one group: its response count, and for each question its answered count and answers. */
    private List<Address> columns(String group) {
        List<Address> cells = new ArrayList<>(List.of(new Address(group, TallyKey.SURVEY, TallyKey.RESPONSES)));
        survey.definition().questions().forEach(q -> {
            cells.add(new Address(group, q.id(), AnswerKey.ANSWERED));
            q.kind().answerKeys().forEach(k -> cells.add(new Address(group, q.id(), k)));
        });
        return cells;
    }

    SurveyResults.Group group(String group, String label) {
        List<SurveyResults.QuestionResults> questions = survey.definition().questions()
                .map(q -> q.kind().results(new QuestionCounts(group, q))).toList();
        return new SurveyResults.Group(label, show(group, TallyKey.SURVEY, TallyKey.RESPONSES), questions);
    }

    private Cell show(String group, String questionId, String key) {
        Address cell = new Address(group, questionId, key);
        return Cell.of(counts.getOrDefault(cell, 0L), hidden.contains(cell));
    }

    /** Where one count sits: group, question and answer. */
    record Address(String group, String questionId, String answerKey) {
    }

    /** One question's cells within one group, as its kind reads them. */
    private final class QuestionCounts implements ResultCounts {

        private final String group;
        private final Question question;

        QuestionCounts(String group, Question question) {
            this.group = group;
            this.question = question;
        }

        @Override
        public Cell show(String answerKey) {
            return ResultCells.this.show(group, question.id(), answerKey);
        }

        @Override
        public long count(String answerKey) {
            return counts.getOrDefault(new Address(group, question.id(), answerKey), 0L);
        }

        @Override
        public String language() {
            return language;
        }
    }
}
