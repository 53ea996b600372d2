package org.chorus.survey.question;

import java.util.ArrayList;
import java.util.List;

import org.chorus.survey.definition.Choice;
import org.chorus.survey.definition.Question;
import org.chorus.survey.response.Answer;
import org.chorus.survey.results.Cell;
import org.chorus.survey.results.SurveyResults;

/** Put the items in order of importance, all of them or the top N; answered with {@code ranking}. */
public record Ranking(Question question) implements QuestionKind {

    @Override
    public void checkSettings(Faults faults) {
        int items = question.optionsOrEmpty().size();
        AnswerChecks.atLeast(question, 2, "a ranking needs at least 2 items", faults);
        Integer topN = question.rankTopN();
        if (topN != null && (topN < 1 || topN > items)) {
            faults.fail("/rankTopN", "must be between 1 and the number of items (" + items + ")");
        }
    }

    @Override
    public Answer keptPart(Answer answer) {
        return Answer.ranking(answer.ranking());
    }

    @Override
    public void checkAnswer(Answer answer, Faults faults) {
        if (!AnswerChecks.shape(question, answer.ranking() != null, "ranking", faults)) {
            return;
        }
        AnswerChecks.knownAndDistinct(question, answer.ranking(), "ranking", "item", faults);
        if (answer.ranking().size() != question.positions()) {
            faults.fail("/ranking", "rank-count: rank exactly " + question.positions() + " of the "
                    + question.optionsOrEmpty().size() + " items");
        }
    }

    @Override
    public List<String> countedKeys(Answer answer) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < answer.ranking().size(); i++) {
            keys.add(AnswerKey.rank(answer.ranking().get(i), i + 1));
        }
        return keys;
    }

    @Override
    public List<String> answerKeys() {
        return question.optionsOrEmpty().stream().flatMap(item -> rankKeys(item).stream()).toList();
    }

    /**
     * Each answer ranks exactly {@code positions} items: each rank's counts over the items add up to those who
     * answered, and so, when every item is ranked, do each item's counts over the ranks (with a top N, an item's
     * counts add up to how many put it in their top N, a figure no one is shown, but taken as known all the same).
     */
    @Override
    public List<List<String>> knownSums() {
        List<List<String>> sums = new ArrayList<>();
        for (int rank = 1; rank <= question.positions(); rank++) {
            int r = rank;
            sums.addAll(AnswerKey.summedAloneAndWithAnswered(
                    question.optionsOrEmpty().stream().map(i -> AnswerKey.rank(i.id(), r)).toList()));
        }
        boolean everyItemRanked = question.positions() == question.optionsOrEmpty().size();
        question.optionsOrEmpty().forEach(item -> sums.addAll(everyItemRanked
                ? AnswerKey.summedAloneAndWithAnswered(rankKeys(item)) : List.of(rankKeys(item))));
        return sums;
    }

    @Override
    public SurveyResults.QuestionResults results(ResultCounts counts) {
        return new SurveyResults.QuestionResults(question.id(), question.type(),
                question.text().label(counts.language()), counts.show(AnswerKey.ANSWERED), null,
                question.optionsOrEmpty().stream().map(item -> rankedItem(counts, item)).toList(), null, null);
    }

    /** First preferences, mean rank and Borda score, the last two only when no rank of the item is suppressed. */
    private SurveyResults.RankedItem rankedItem(ResultCounts counts, Choice item) {
        List<String> keys = rankKeys(item);
        List<Cell> distribution = keys.stream().map(counts::show).toList();
        boolean complete = distribution.stream().allMatch(Cell::shown);
        long ranked = 0;
        long rankSum = 0;
        long borda = 0;
        int items = question.optionsOrEmpty().size();
        for (int r = 1; r <= keys.size(); r++) {
            long n = counts.count(keys.get(r - 1));
            ranked += n;
            rankSum += n * r;
            borda += n * (items - r + 1);
        }
        Double mean = complete && ranked > 0 ? (double) rankSum / ranked : null;
        return new SurveyResults.RankedItem(item.id(), item.label().label(counts.language()), distribution.get(0),
                mean, complete ? borda : null, distribution);
    }

    /**
     * With labels, one column per rank holding the label of the item put there ({@code <question>_rank_<n>}); with
     * codes, one column per item holding the rank it was given ({@code <question>_<item>}), empty when a top-N
     * ranking left it out: one variable per item is what rank statistics take.
     */
    @Override
    public List<ExportColumn> columns(ValueStyle style) {
        return switch (style) {
            case LABELS -> rankColumns();
            case CODES -> itemColumns();
        };
    }

    private List<ExportColumn> rankColumns() {
        var label = Options.cell(question, ValueStyle.LABELS);
        List<ExportColumn> columns = new ArrayList<>();
        for (int rank = 1; rank <= question.positions(); rank++) {
            int index = rank - 1;
            columns.add(new ExportColumn(question.id() + "_rank_" + rank, question.id(), ExportColumn.Type.STRING,
                    ExportColumn.Measure.NOMINAL, Options.longestCell(question, ValueStyle.LABELS),
                    Titles.suffixed(question.text(), " (rank " + rank + ")"),
                    "The label of the item ranked " + rank, List.of(),
                    a -> a.ranking() != null && a.ranking().size() > index ? label.apply(a.ranking().get(index))
                            : null));
        }
        return columns;
    }

    private List<ExportColumn> itemColumns() {
        return question.optionsOrEmpty().stream().map(item -> new ExportColumn(question.id() + "_" + item.id(),
                question.id(), ExportColumn.Type.INTEGER, ExportColumn.Measure.ORDINAL, 0,
                Titles.joined(question.text(), item.label()),
                "The rank given to this item, 1 being the most important; empty when it was not ranked",
                List.of(), a -> {
                    int at = a.ranking() == null ? -1 : a.ranking().indexOf(item.id());
                    return at < 0 ? null : Integer.toString(at + 1);
                })).toList();
    }

    @Override
    public int exportPosition() {
        return 0;
    }

    private List<String> rankKeys(Choice item) {
        List<String> keys = new ArrayList<>();
        for (int r = 1; r <= question.positions(); r++) {
            keys.add(AnswerKey.rank(item.id(), r));
        }
        return keys;
    }
}
