package org.chorus.survey.results;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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

    private final SurveyQueries surveys;
    private final TallyStore tallies;
    private final TallyBacklog backlog;

    public ResultsService(SurveyQueries surveys, TallyStore tallies, TallyBacklog backlog) {
        this.surveys = surveys;
        this.tallies = tallies;
        this.backlog = backlog;
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
     * and special-category answers were given for equality monitoring, not for a public page).
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
        Map<ResultCells.Address, Long> counts = counts(surveyId, TallyKey.ALL, new HashSet<>());
        SurveyResults.Group all = new ResultCells(survey, counts, List.of(""), language).group("", null);
        List<SurveyResults.QuestionResults> questions = all.questions().stream()
                .filter(r -> survey.definition().question(r.questionId())
                        .map(q -> !q.kind().describesRespondent()).orElse(true))
                .toList();
        return new SummaryRead(new ResultsSummary(surveyId, survey.version(),
                survey.definition().title().label(language), published.status(), published.publishedAt(), language,
                Suppression.THRESHOLD, waiting, all.responses(), questions), published.surveyRevision());
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
