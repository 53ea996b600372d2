package org.chorus.survey.results;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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

    private TallyKeys() {
    }

    static Set<TallyKey> of(PublishedSurvey survey, StoredResponse response) {
        List<String[]> slices = slicesOf(survey, response);
        List<String[]> answers = answersOf(survey, response.answers());
        Set<TallyKey> keys = new LinkedHashSet<>();
        for (String[] slice : slices) {
            keys.add(new TallyKey(slice[0], slice[1], TallyKey.SURVEY, TallyKey.RESPONSES));
            for (String[] answer : answers) {
                keys.add(new TallyKey(slice[0], slice[1], answer[0], answer[1]));
            }
        }
        return keys;
    }

    private static List<String[]> slicesOf(PublishedSurvey survey, StoredResponse response) {
        List<String[]> slices = new ArrayList<>();
        slices.add(new String[] { TallyKey.ALL, "" });
        slices.add(new String[] { TallyKey.CHANNEL, response.channel().name() });
        if (response.placeCode() != null) {
            slices.add(new String[] { TallyKey.PLACE, response.placeCode() });
        }
        survey.definition().questions().forEach(q -> {
            Answer answer = response.answers().get(q.id());
            if (answer != null) {
                q.kind().breakdown(answer).ifPresent(
                        group -> slices.add(new String[] { TallyKey.DEMOGRAPHIC_PREFIX + q.id(), group }));
            }
        });
        return slices;
    }

    private static List<String[]> answersOf(PublishedSurvey survey, Map<String, Answer> answers) {
        List<String[]> keys = new ArrayList<>();
        survey.definition().questions().forEach(q -> {
            Answer answer = answers.get(q.id());
            if (answer != null) {
                keys.add(new String[] { q.id(), AnswerKey.ANSWERED });
                q.kind().countedKeys(answer).forEach(k -> keys.add(new String[] { q.id(), k }));
            }
        });
        return keys;
    }
}
