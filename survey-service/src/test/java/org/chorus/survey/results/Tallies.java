package org.chorus.survey.results;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import org.chorus.survey.SurveyJson;
import org.chorus.survey.definition.PublishedSurvey;
import org.chorus.survey.response.Channel;
import org.chorus.survey.response.StoredResponse;

/**
 * Results computed the way the service computes them, without its database: each response's counters
 * ({@link TallyKeys}) added up per cell of one breakdown, then {@link ResultCells} over them.
 */
final class Tallies {

    private final PublishedSurvey survey;
    private final Map<ResultCells.Address, Long> counts = new HashMap<>();
    private final TreeSet<String> groups = new TreeSet<>();
    private final String dimension;

    /** @param dimension {@link TallyKey#ALL}, {@link TallyKey#CHANNEL}, {@link TallyKey#PLACE} or a demographic's */
    Tallies(PublishedSurvey survey, String dimension) {
        this.survey = survey;
        this.dimension = dimension;
    }

    /** Counts {@code times} responses with these answers, by {@code channel} from {@code place}. */
    Tallies add(String answersJson, int times, Channel channel, String place) {
        StoredResponse response = new StoredResponse(UUID.randomUUID(), survey.surveyId(), survey.version(), channel,
                place, null, null, Instant.now(), SurveyJson.answers(answersJson));
        for (TallyKey key : TallyKeys.of(survey, response)) {
            if (key.dimension().equals(dimension)) {
                counts.merge(new ResultCells.Address(key.dimensionValue(), key.questionId(), key.answerKey()),
                        (long) times, Long::sum);
                groups.add(key.dimensionValue());
            }
        }
        return this;
    }

    Tallies add(String answersJson, int times) {
        return add(answersJson, times, Channel.ONLINE, null);
    }

    /** The results of one group: "" for all respondents, else the group's value (e.g. PHONE). */
    SurveyResults.Group group(String group) {
        return new ResultCells(survey, counts, List.copyOf(groups), "en").group(group, group.isEmpty() ? null : group);
    }

    SurveyResults.QuestionResults question(String group, String questionId) {
        return group(group).questions().stream().filter(q -> q.questionId().equals(questionId)).findFirst()
                .orElseThrow(() -> new AssertionError("no results for " + questionId));
    }
}
