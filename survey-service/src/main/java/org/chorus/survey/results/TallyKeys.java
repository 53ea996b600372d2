package org.chorus.survey.results;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.chorus.survey.definition.PublishedSurvey;
import org.chorus.survey.question.AnswerKey;
import org.chorus.survey.response.Answer;
import org.chorus.survey.response.StoredResponse;

/**
 * The counters one response moves: each of its answers, counted overall and in every slice it belongs to (its
 * channel, its place, and its answer to each demographic question).
 */
final class TallyKeys {

    /** A group of responses results can be broken down by: a dimension and its value, e.g. channel PHONE. */
    record Slice(String dimension, String value) {
    }

    /** What is counted within a slice: a question and one of its answer keys, or whole responses. */
    record Counted(String questionId, String answerKey) {
    }

    private static final Counted RESPONSES = new Counted(TallyKey.SURVEY, TallyKey.RESPONSES);

    private TallyKeys() {
    }

    static Set<TallyKey> of(PublishedSurvey survey, StoredResponse response) {
        Set<Counted> counted = countedBy(survey, response);
        Set<TallyKey> keys = new LinkedHashSet<>();
        for (Slice slice : slicesOf(survey, response)) {
            for (Counted c : counted) {
                keys.add(new TallyKey(slice.dimension(), slice.value(), c.questionId(), c.answerKey()));
            }
        }
        return keys;
    }

    /** The slices the response belongs to, each once. */
    static Set<Slice> slicesOf(PublishedSurvey survey, StoredResponse response) {
        Set<Slice> slices = new LinkedHashSet<>();
        slices.add(new Slice(TallyKey.ALL, ""));
        slices.add(new Slice(TallyKey.CHANNEL, response.channel().name()));
        if (response.placeCode() != null) {
            slices.add(new Slice(TallyKey.PLACE, response.placeCode()));
        }
        survey.definition().questions().forEach(q -> {
            Answer answer = response.answers().get(q.id());
            if (answer != null) {
                q.kind().breakdown(answer).ifPresent(
                        group -> slices.add(new Slice(TallyKey.DEMOGRAPHIC_PREFIX + q.id(), group)));
            }
        });
        return slices;
    }

    /** What the response counts for in each of its slices, each once: itself, and every answer it gave. */
    static Set<Counted> countedBy(PublishedSurvey survey, StoredResponse response) {
        Map<String, Answer> answers = response.answers();
        Set<Counted> counted = new LinkedHashSet<>();
        counted.add(RESPONSES);
        survey.definition().questions().forEach(q -> {
            Answer answer = answers.get(q.id());
            if (answer != null) {
                counted.add(new Counted(q.id(), AnswerKey.ANSWERED));
                q.kind().countedKeys(answer).forEach(k -> counted.add(new Counted(q.id(), k)));
            }
        });
        return counted;
    }
}
