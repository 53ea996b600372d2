package org.chorus.survey.question;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.chorus.survey.definition.Question;
import org.chorus.survey.response.Answer;
import org.chorus.survey.results.Cell;
import org.chorus.survey.results.SurveyResults;

/** A whole number between scaleMin and scaleMax; answered with {@code rating}. */
public record Rating(Question question) implements QuestionKind {

    static final int MAX_SCALE_POINTS = 11;

    @Override
    public void checkSettings(Faults faults) {
        Integer min = question.scaleMin();
        Integer max = question.scaleMax();
        if (min == null || max == null) {
            faults.fail("/scaleMax", "a rating needs scaleMin and scaleMax");
        } else if (max <= min || (long) max - min + 1 > MAX_SCALE_POINTS) {
            faults.fail("/scaleMax", "must be above scaleMin, with at most " + MAX_SCALE_POINTS + " points");
        }
    }

    @Override
    public Answer keptPart(Answer answer) {
        return Answer.rating(answer.rating());
    }

    @Override
    public void checkAnswer(Answer answer, Faults faults) {
        if (AnswerChecks.shape(question, answer.rating() != null, "rating", faults)
                && (answer.rating() < question.scaleMin() || answer.rating() > question.scaleMax())) {
            faults.fail("/rating", "out-of-scale: between " + question.scaleMin() + " and " + question.scaleMax());
        }
    }

    @Override
    public List<String> countedKeys(Answer answer) {
        return List.of(AnswerKey.rating(answer.rating()));
    }

    @Override
    public List<String> answerKeys() {
        return points().mapToObj(AnswerKey::rating).toList();
    }

    @Override
    public List<List<String>> knownSums() {
        return AnswerKey.summedAloneAndWithAnswered(answerKeys());
    }

    /** The scale's points; a loop up to scaleMax by hand would never end at the largest int. */
    private IntStream points() {
        return IntStream.rangeClosed(question.scaleMin(), question.scaleMax());
    }

    /** How many gave each point, and the mean when no point is suppressed. */
    @Override
    public SurveyResults.QuestionResults results(ResultCounts counts) {
        List<SurveyResults.RatingPoint> points = new ArrayList<>();
        long total = 0;
        long sum = 0;
        boolean complete = true;
        for (int v : points().toArray()) {
            Cell cell = counts.show(AnswerKey.rating(v));
            points.add(new SurveyResults.RatingPoint(v, cell));
            complete &= cell.shown();
            long n = counts.count(AnswerKey.rating(v));
            total += n;
            sum += n * v;
        }
        Double mean = complete && total > 0 ? (double) sum / total : null;
        return new SurveyResults.QuestionResults(question.id(), question.type(),
                question.text().label(counts.language()), counts.show(AnswerKey.ANSWERED), null, null, points, mean);
    }

    /** A point of a rating scale is ordered, but its steps are not known to be equal: ordinal. */
    @Override
    public List<ExportColumn> columns(ValueStyle style) {
        return List.of(new ExportColumn(question.id(), question.id(), ExportColumn.Type.INTEGER,
                ExportColumn.Measure.ORDINAL, 0, question.text(),
                "A point from " + question.scaleMin() + " to " + question.scaleMax(), List.of(),
                a -> a.rating() == null ? null : a.rating().toString()));
    }

    @Override
    public int exportPosition() {
        return 3;
    }
}
