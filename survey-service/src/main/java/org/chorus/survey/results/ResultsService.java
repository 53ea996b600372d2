package org.chorus.survey.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.chorus.platform.web.problem.FieldError;
import org.chorus.platform.web.problem.ProblemException;
import org.chorus.survey.definition.PublishedSurvey;
import org.chorus.survey.definition.QuestionType;
import org.chorus.survey.definition.SurveyQueries;

/**
 * Answers results from the maintained counters: one indexed read of a few hundred rows whatever the number of
 * responses, then suppression over the cells about to be shown. It says how many accepted responses the counters
 * have yet to take in, rather than waiting for them.
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

    @Transactional
    public SurveyResults results(UUID surveyId, String by) {
        PublishedSurvey survey = surveys.latest(surveyId);
        String dimension = dimension(survey, by);
        Map<ResultCells.Address, Long> counts = new HashMap<>();
        TreeSet<String> groups = new TreeSet<>();
        for (TallyStore.Count c : tallies.read(surveyId, dimension)) {
            counts.put(new ResultCells.Address(c.dimensionValue(), c.questionId(), c.answerKey()), c.count());
            groups.add(c.dimensionValue());
        }
        if (groups.isEmpty() && TallyKey.ALL.equals(dimension)) {
            groups.add("");
        }
        ResultCells cells = new ResultCells(survey, counts, List.copyOf(groups));
        List<SurveyResults.Group> views = new ArrayList<>();
        for (String group : groups) {
            views.add(cells.group(group, TallyKey.ALL.equals(dimension) ? null : group));
        }
        String breakdown = by == null || by.isBlank() ? TallyKey.ALL : by;
        return new SurveyResults(surveyId, survey.version(), breakdown, Suppression.THRESHOLD,
                backlog.waiting(surveyId), views);
    }

    private static String dimension(PublishedSurvey survey, String by) {
        if (by == null || by.isBlank() || by.equals(TallyKey.ALL)) {
            return TallyKey.ALL;
        }
        if (by.equals(TallyKey.CHANNEL) || by.equals(TallyKey.PLACE)) {
            return by;
        }
        boolean demographic = survey.definition().question(by).filter(q -> q.type() == QuestionType.DEMOGRAPHIC)
                .isPresent();
        if (!demographic) {
            String rule = "must be all, channel, place or the id of a demographic question";
            throw ProblemException.badRequest("invalid-parameter", "Request parameter is not valid", "by: " + rule,
                    List.of(FieldError.parameter("by", rule)));
        }
        return TallyKey.DEMOGRAPHIC_PREFIX + by;
    }
}
