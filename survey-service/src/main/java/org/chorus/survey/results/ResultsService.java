package org.chorus.survey.results;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.chorus.platform.web.problem.ProblemException;
import org.chorus.platform.web.suppression.Suppression;
import org.chorus.survey.definition.PublishedResults;
import org.chorus.survey.definition.PublishedSurvey;
import org.chorus.survey.definition.SurveyQueries;

/**
 * Answers results from the maintained counters: one indexed read of a few hundred rows whatever the number of
 * responses, then suppression over the cells about to be shown. Analysts get every breakdown; everyone else, the
 * overall figures once the owner published them. It says how many accepted responses the counters have yet to take
 * in, rather than waiting for them.
 */
@ApplicationScoped
public class ResultsService {

    private static final ResultCells.Address RESPONSES = new ResultCells.Address("", TallyKey.SURVEY,
            TallyKey.RESPONSES);

    private final SurveyQueries surveys;
    private final TallyStore tallies;
    private final TallyBacklog backlog;
    private final SummaryFiguresStore summaryFigures;

    public ResultsService(SurveyQueries surveys, TallyStore tallies, TallyBacklog backlog,
            SummaryFiguresStore summaryFigures) {
        this.surveys = surveys;
        this.tallies = tallies;
        this.backlog = backlog;
        this.summaryFigures = summaryFigures;
    }

    /** @param language of the labels; English where a label has no translation */
    @Transactional
    public SurveyResults results(UUID surveyId, String by, String language) {
        PublishedSurvey survey = surveys.latest(surveyId);
        String dimension = Breakdown.of(survey, by).dimension();
        Set<String> groups = new HashSet<>();
        long waiting = waitingFirst(surveyId);
        Map<ResultCells.Address, Long> counts = counts(surveyId, dimension, groups);
        if (TallyKey.ALL.equals(dimension)) {
            groups.add("");
        } else if (addNotGiven(surveyId, counts, groups)) {
            groups.add(Breakdown.NOT_GIVEN);
        }
        List<String> shown = Breakdown.inOrder(groups);
        ResultCells cells = new ResultCells(survey, counts, shown, language);
        List<SurveyResults.Group> views = new ArrayList<>();
        for (String group : shown) {
            views.add(cells.group(group, TallyKey.ALL.equals(dimension) ? null : group));
        }
        String breakdown = by == null || by.isBlank() ? TallyKey.ALL : by;
        return new SurveyResults(surveyId, survey.version(), breakdown, Suppression.THRESHOLD,
                waiting, views);
    }

    /**
     * The overall figures of {@link #results} for everyone, once the owner published them: the same cells and the
     * same suppression, in the reader's language, leaving out demographic questions (who answered is for analysts,
     * and special-category answers were given for equality monitoring, not for a public page). The figures move in
     * steps of at least {@link Suppression#THRESHOLD} responses ({@link #figuresToShow}).
     *
     * @param by refused whenever given: breakdowns show small groups and are for analysts
     */
    @Transactional
    public SummaryRead summary(UUID surveyId, String by, String language) {
        if (by != null) {
            throw ProblemException.invalidParameter("by", "is not accepted here: the published summary has overall "
                    + "figures only; breakdowns by channel, place or demographic are for analysts (GET /results with "
                    + "exports:read)");
        }
        PublishedResults published = surveys.withPublishedResults(surveyId);
        PublishedSurvey survey = published.survey();
        long waiting = waitingFirst(surveyId);
        Map<ResultCells.Address, Long> counted = counts(surveyId, TallyKey.ALL, new HashSet<>());
        long countedResponses = counted.getOrDefault(RESPONSES, 0L);
        SummaryFiguresStore.Figures figures = figuresToShow(surveyId, counted, countedResponses);
        SurveyResults.Group all = new ResultCells(survey, figures.counts(), List.of(""), language).group("", null);
        List<SurveyResults.QuestionResults> questions = all.questions().stream()
                .filter(r -> survey.definition().question(r.questionId())
                        .map(q -> !q.kind().describesRespondent()).orElse(true))
                .toList();
        return new SummaryRead(new ResultsSummary(surveyId, survey.version(),
                survey.definition().title().label(language), published.status(), published.publishedAt(), language,
                Suppression.THRESHOLD, waiting, figures.takenAt(), all.responses(), questions),
                published.surveyRevision());
    }

    /**
     * A public summary read just before and just after somebody answered would show, cell by cell, what that one
     * person answered: suppression hides small counts, not small differences between two readings. So the summary
     * shows counts taken once and taken again only when the responses counted have moved by at least the
     * suppression threshold since (answers given or erased), and any two readings differ by at least that many
     * people, as any count shown holds at least that many. How many are held back is not said either: beside figures
     * of none, it would be a total of 1 to 4. Analysts' own results stay live.
     */
    private SummaryFiguresStore.Figures figuresToShow(UUID surveyId, Map<ResultCells.Address, Long> counted,
            long countedResponses) {
        Optional<SummaryFiguresStore.Figures> shown = summaryFigures.shown(surveyId);
        if (shown.isPresent()
                && Math.abs(countedResponses - shown.get().responses()) < Suppression.THRESHOLD) {
            return shown.get();
        }
        return summaryFigures.take(surveyId, counted, countedResponses)
                .or(() -> summaryFigures.shown(surveyId))
                .orElseThrow();
    }

    /** The published summary, and the survey's revision its ETag names. */
    public record SummaryRead(ResultsSummary summary, long surveyRevision) {
    }

    /**
     * How many responses wait to be counted, read before the counters: each statement sees its own moment, and a
     * round may commit between the two. Read in this order, a response accepted before the request is in the
     * counters or in this number (a round committing in between may put it in both), so 0 means the counters hold
     * every one; read the other way round, a round committing in between was in neither.
     */
    private long waitingFirst(UUID surveyId) {
        return backlog.waiting(surveyId);
    }

    /**
     * Adds the respondents who gave no place, or did not answer the question broken down by, as a group of their own
     * ({@link Breakdown#NOT_GIVEN}): each overall figure less the groups' sum, since the counters keep no group for
     * them.
     *
     * @return whether any respondent is in it
     */
    private boolean addNotGiven(UUID surveyId, Map<ResultCells.Address, Long> counts, Set<String> groups) {
        boolean any = false;
        for (TallyStore.Count overall : tallies.read(surveyId, TallyKey.ALL)) {
            long inGroups = groups.stream().mapToLong(g -> counts.getOrDefault(
                    new ResultCells.Address(g, overall.questionId(), overall.answerKey()), 0L)).sum();
            if (overall.count() > inGroups) {
                counts.put(new ResultCells.Address(Breakdown.NOT_GIVEN, overall.questionId(), overall.answerKey()),
                        overall.count() - inGroups);
                any = true;
            }
        }
        return any;
    }

    /** The counters of one breakdown by cell; adds each group met to {@code groups}. */
    private Map<ResultCells.Address, Long> counts(UUID surveyId, String dimension, Set<String> groups) {
        Map<ResultCells.Address, Long> counts = new HashMap<>();
        for (TallyStore.Count c : tallies.read(surveyId, dimension)) {
            counts.put(new ResultCells.Address(c.dimensionValue(), c.questionId(), c.answerKey()), c.count());
            groups.add(c.dimensionValue());
        }
        return counts;
    }

}
