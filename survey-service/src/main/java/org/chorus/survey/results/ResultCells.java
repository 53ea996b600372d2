package org.chorus.survey.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.chorus.survey.definition.Choice;
import org.chorus.survey.definition.PublishedSurvey;
import org.chorus.survey.definition.Question;
import org.chorus.survey.definition.QuestionType;

/**
 * The cells of one results table (every group, question and answer the definition allows, zero or not), which of
 * them are suppressed, and the views built from them, labelled in one language.
 */
final class ResultCells {

    private final PublishedSurvey survey;
    private final Map<Address, Long> counts;
    private final Set<Address> hidden;
    private final String language;

    /** @param language of the labels; English where a label was not translated */
    ResultCells(PublishedSurvey survey, Map<Address, Long> counts, List<String> groups, String language) {
        this.survey = survey;
        this.counts = counts;
        this.language = language;
        Suppression<Address> suppression = new Suppression<>(counts);
        for (Address column : columns("")) {
            suppression.knownSum(groups.stream().map(g -> new Address(g, column.questionId(), column.answerKey())).toList());
        }
        for (String group : groups) {
            survey.definition().questions().forEach(q -> rowSums(q, group).forEach(suppression::knownSum));
        }
        this.hidden = suppression.hidden();
    }

    /** Every cell of one group: its response count, and for each question its answered count and answers. */
    private List<Address> columns(String group) {
        List<Address> cells = new ArrayList<>(List.of(new Address(group, TallyKey.SURVEY, TallyKey.RESPONSES)));
        survey.definition().questions().forEach(q -> {
            cells.add(new Address(group, q.id(), TallyKey.ANSWERED));
            answerKeys(q).forEach(k -> cells.add(new Address(group, q.id(), k)));
        });
        return cells;
    }

    /** Within a group, the sets of cells whose sums a reader knows or can bound: options of a question, ranks. */
    private List<List<Address>> rowSums(Question q, String group) {
        Function<String, Address> cell = k -> new Address(group, q.id(), k);
        if (q.type() != QuestionType.RANKING) {
            return List.of(answerKeys(q).stream().map(cell).toList());
        }
        List<List<Address>> sums = new ArrayList<>();
        for (int rank = 1; rank <= q.positions(); rank++) {
            int r = rank;
            sums.add(q.optionsOrEmpty().stream().map(i -> cell.apply(TallyKey.rank(i.id(), r))).toList());
        }
        for (Choice item : q.optionsOrEmpty()) {
            sums.add(rankKeys(q, item).stream().map(cell).toList());
        }
        return sums;
    }

    SurveyResults.Group group(String group, String label) {
        List<SurveyResults.QuestionResults> questions = survey.definition().questions()
                .map(q -> question(group, q)).toList();
        return new SurveyResults.Group(label, show(group, TallyKey.SURVEY, TallyKey.RESPONSES), questions);
    }

    private SurveyResults.QuestionResults question(String group, Question q) {
        Cell answered = show(group, q.id(), TallyKey.ANSWERED);
        String text = q.text().label(language);
        return switch (q.type()) {
            case RANKING -> new SurveyResults.QuestionResults(q.id(), q.type(), text, answered, null,
                    q.optionsOrEmpty().stream().map(item -> rankedItem(group, q, item)).toList(), null, null);
            case RATING -> rating(group, q, text, answered);
            case FREE_TEXT -> new SurveyResults.QuestionResults(q.id(), q.type(), text, answered, null, null, null,
                    null);
            default -> new SurveyResults.QuestionResults(q.id(), q.type(), text, answered,
                    q.optionsOrEmpty().stream().map(o -> option(group, q, o, answered)).toList(), null, null, null);
        };
    }

    private SurveyResults.OptionResult option(String group, Question q, Choice o, Cell answered) {
        Cell count = show(group, q.id(), TallyKey.option(o.id()));
        Double share = count.shown() && answered.shown() && answered.count() > 0
                ? (double) count.count() / answered.count() : null;
        return new SurveyResults.OptionResult(o.id(), o.label().label(language), count, share);
    }

    private SurveyResults.RankedItem rankedItem(String group, Question q, Choice item) {
        List<Cell> distribution = rankKeys(q, item).stream()
                .map(k -> show(group, q.id(), k)).toList();
        boolean complete = distribution.stream().allMatch(Cell::shown);
        long ranked = 0;
        long rankSum = 0;
        long borda = 0;
        int items = q.optionsOrEmpty().size();
        for (int r = 1; r <= distribution.size(); r++) {
            long n = count(group, q.id(), TallyKey.rank(item.id(), r));
            ranked += n;
            rankSum += n * r;
            borda += n * (items - r + 1);
        }
        Double mean = complete && ranked > 0 ? (double) rankSum / ranked : null;
        return new SurveyResults.RankedItem(item.id(), item.label().label(language), distribution.get(0), mean,
                complete ? borda : null, distribution);
    }

    private SurveyResults.QuestionResults rating(String group, Question q, String text, Cell answered) {
        List<SurveyResults.RatingPoint> points = new ArrayList<>();
        long total = 0;
        long sum = 0;
        boolean complete = true;
        for (int v = q.scaleMin(); v <= q.scaleMax(); v++) {
            Cell cell = show(group, q.id(), TallyKey.rating(v));
            points.add(new SurveyResults.RatingPoint(v, cell));
            complete &= cell.shown();
            long n = count(group, q.id(), TallyKey.rating(v));
            total += n;
            sum += n * v;
        }
        Double mean = complete && total > 0 ? (double) sum / total : null;
        return new SurveyResults.QuestionResults(q.id(), q.type(), text, answered, null, null, points, mean);
    }

    private static List<String> answerKeys(Question q) {
        return switch (q.type()) {
            case RANKING -> q.optionsOrEmpty().stream().flatMap(i -> rankKeys(q, i).stream()).toList();
            case RATING -> IntStream.rangeClosed(q.scaleMin(), q.scaleMax())
                    .mapToObj(TallyKey::rating).toList();
            case FREE_TEXT -> List.of();
            default -> q.optionsOrEmpty().stream().map(o -> TallyKey.option(o.id())).toList();
        };
    }

    private static List<String> rankKeys(Question q, Choice item) {
        List<String> keys = new ArrayList<>();
        for (int r = 1; r <= q.positions(); r++) {
            keys.add(TallyKey.rank(item.id(), r));
        }
        return keys;
    }

    private Cell show(String group, String questionId, String key) {
        Address cell = new Address(group, questionId, key);
        return Cell.of(counts.getOrDefault(cell, 0L), hidden.contains(cell));
    }

    private long count(String group, String questionId, String key) {
        return counts.getOrDefault(new Address(group, questionId, key), 0L);
    }

    /** Where one count sits: group, question and answer. */
    record Address(String group, String questionId, String answerKey) {
    }
}
