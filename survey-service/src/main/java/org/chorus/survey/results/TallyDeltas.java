package org.chorus.survey.results;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.chorus.survey.definition.PublishedSurvey;
import org.chorus.survey.response.StoredResponse;
import org.chorus.survey.results.TallyKeys.Counted;
import org.chorus.survey.results.TallyKeys.Slice;

/**
 * What a round of responses adds to one survey's counters, gathered per slice: a response costs one lookup for each
 * slice it is in and one count for each answer there. Building, hashing and deduplicating a four-part key for every
 * slice and answer of every response was most of the tally folder's time under load.
 */
final class TallyDeltas {

    private final Map<Slice, Map<Counted, long[]>> bySlice = new HashMap<>();

    void add(PublishedSurvey survey, StoredResponse response) {
        Set<Counted> counted = TallyKeys.countedBy(survey, response);
        for (Slice slice : TallyKeys.slicesOf(survey, response)) {
            Map<Counted, long[]> counts = bySlice.computeIfAbsent(slice, s -> new HashMap<>());
            for (Counted c : counted) {
                counts.computeIfAbsent(c, k -> new long[1])[0]++;
            }
        }
    }

    /** Each counter the round moves, and by how much. */
    Map<TallyKey, Long> byKey() {
        Map<TallyKey, Long> deltas = new HashMap<>();
        bySlice.forEach((slice, counts) -> counts.forEach((c, n) -> deltas.put(
                new TallyKey(slice.dimension(), slice.value(), c.questionId(), c.answerKey()), n[0])));
        return deltas;
    }
}
