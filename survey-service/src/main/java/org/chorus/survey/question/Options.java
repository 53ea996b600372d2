package org.chorus.survey.question;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.chorus.survey.definition.Choice;
import org.chorus.survey.definition.Question;
import org.chorus.survey.results.Cell;
import org.chorus.survey.results.SurveyResults;

/** What kinds that pick from options share: option counters, option results and option codes with labels. */
final class Options {

    private Options() {
    }

    static List<String> keys(Question q) {
        return q.optionsOrEmpty().stream().map(o -> AnswerKey.option(o.id())).toList();
    }

    /** How many picked each option, and their share of those who answered. */
    static SurveyResults.QuestionResults results(Question q, ResultCounts counts) {
        Cell answered = counts.show(AnswerKey.ANSWERED);
        List<SurveyResults.OptionResult> options = q.optionsOrEmpty().stream().map(o -> {
            Cell count = counts.show(AnswerKey.option(o.id()));
            Double share = count.shown() && answered.shown() && answered.count() > 0
                    ? (double) count.count() / answered.count() : null;
            return new SurveyResults.OptionResult(o.id(), o.label().label(counts.language()), count, share);
        }).toList();
        return new SurveyResults.QuestionResults(q.id(), q.type(), q.text().label(counts.language()), answered,
                options, null, null, null);
    }

    /** The longest cell an option can give: an id as a code; a label, or the id of an option dropped since. */
    static int longestCell(Question q, ValueStyle style) {
        return switch (style) {
            case CODES -> ExportColumn.CODE_LENGTH;
            case LABELS -> Math.max(ExportColumn.CODE_LENGTH,
                    q.optionsOrEmpty().stream().mapToInt(o -> o.label().english().length()).max().orElse(0));
        };
    }

    static List<ExportColumn.Category> categories(Question q) {
        return q.optionsOrEmpty().stream().map(o -> new ExportColumn.Category(o.id(), o.label())).toList();
    }

    /**
     * An option's id as the cell holds it: its English label, or the id itself as a code. An option an older version
     * had and the latest dropped is shown by its id either way.
     */
    static Function<String, String> cell(Question q, ValueStyle style) {
        return switch (style) {
            case CODES -> id -> id;
            case LABELS -> {
                Map<String, String> labels = new HashMap<>();
                q.optionsOrEmpty().forEach((Choice o) -> labels.put(o.id(), o.label().english()));
                yield id -> labels.getOrDefault(id, id);
            }
        };
    }
}
