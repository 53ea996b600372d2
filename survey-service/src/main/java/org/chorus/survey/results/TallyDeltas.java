package org.chorus.survey.results;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chorus.survey.definition.PublishedSurvey;
import org.chorus.survey.response.StoredResponse;
import org.chorus.survey.results.TallyKeys.Counted;
import org.chorus.survey.results.TallyKeys.Slice;

/**
 * What a round of responses adds to one survey's counters, gathered per slice: a response costs one lookup for each
 * answer it counts and one for each slice it is in, and then one array increment for each answer in each slice.
 * Building, hashing and deduplicating a four-part key for every slice and answer of every response was most of the
 * tally folder's time under load; hashing each answer again in each of its slices still was half of it.
 */
final class TallyDeltas {

    /** Each answer counted in the round, at its place in the slices' arrays. */
    private final List<Counted> answers = new ArrayList<>();
    private final Map<Counted, Integer> places = new HashMap<>();
    /** Per slice, how many responses of the round counted each answer, by the answer's place. */
    private final Map<Slice, long[]> bySlice = new HashMap<>();

    void add(PublishedSurvey survey, StoredResponse response) {
        Set<Counted> counted = TallyKeys.countedBy(survey, response);
        int[] at = new int[counted.size()];
        int i = 0;
        for (Counted c : counted) {
            at[i++] = places.computeIfAbsent(c, k -> {
                answers.add(k);
                return answers.size() - 1;
            });
        }
        for (Slice slice : TallyKeys.slicesOf(survey, response)) {
            long[] counts = bySlice.get(slice);
            if (counts == null || counts.length < answers.size()) {
                counts = counts == null ? new long[answers.size()]
                        : Arrays.copyOf(counts, Math.max(answers.size(), counts.length * 2));
                bySlice.put(slice, counts);
            }
            for (int place : at) {
                counts[place]++;
            }
        }
    }

    /** Each counter the round moves, and by how much. */
    Map<TallyKey, Long> byKey() {
        Map<TallyKey, Long> deltas = new HashMap<>();
        bySlice.forEach((slice, counts) -> {
            for (int place = 0; place < counts.length; place++) {
                if (counts[place] > 0) {
                    Counted c = answers.get(place);
                    deltas.put(new TallyKey(slice.dimension(), slice.value(), c.questionId(), c.answerKey()),
                            counts[place]);
                }
            }
        });
        return deltas;
    }
}
