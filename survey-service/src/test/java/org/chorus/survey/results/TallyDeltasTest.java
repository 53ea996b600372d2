package org.chorus.survey.results;

import static org.chorus.survey.results.TallyKeysTest.SURVEY;
import static org.chorus.survey.results.TallyKeysTest.response;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.StringJoiner;

import org.chorus.survey.response.Channel;
import org.chorus.survey.response.StoredResponse;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** A round's counters gathered per slice move each counter by as many responses as move it one by one. */
class TallyDeltasTest {

    private static final List<String> PLACES = List.of("blackpool", "blackburn-with-darwen", "cumbria");

    @RepeatedTest(200)
    void aRoundMovesEachCounterByTheResponsesThatMoveIt(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        TallyDeltas round = new TallyDeltas();
        Map<TallyKey, Long> oneByOne = new HashMap<>();
        for (int i = random.nextInt(0, 60); i > 0; i--) {
            StoredResponse response = generated(random);
            round.add(SURVEY, response);
            TallyKeys.of(SURVEY, response).forEach(key -> oneByOne.merge(key, 1L, Long::sum));
        }
        assertEquals(oneByOne, round.byKey());
    }

    @Test
    void responsesInTheSameSlicesAddUpInEachOfThem() {
        TallyDeltas round = new TallyDeltas();
        for (int i = 0; i < 3; i++) {
            round.add(SURVEY, response(Channel.PAPER, "cumbria", "{\"pick\": {\"choices\": [\"y\"]}}"));
        }
        round.add(SURVEY, response(Channel.ONLINE, null, "{\"pick\": {\"choices\": [\"y\", \"z\"]}}"));
        Map<TallyKey, Long> deltas = round.byKey();
        assertEquals(4L, deltas.get(new TallyKey(TallyKey.ALL, "", "pick", "option:y")));
        assertEquals(1L, deltas.get(new TallyKey(TallyKey.ALL, "", "pick", "option:z")));
        assertEquals(3L, deltas.get(new TallyKey(TallyKey.PLACE, "cumbria", TallyKey.SURVEY, TallyKey.RESPONSES)));
        assertEquals(1L, deltas.get(new TallyKey(TallyKey.CHANNEL, "ONLINE", "pick", "answered")));
        assertEquals(null, deltas.get(new TallyKey(TallyKey.PLACE, "cumbria", "pick", "option:z")));
    }

    /** A valid response to {@link TallyKeysTest#SURVEY}, each question answered or not at random. */
    private static StoredResponse generated(Random random) {
        StringJoiner answers = new StringJoiner(", ", "{", "}");
        if (random.nextBoolean()) {
            List<String> items = new ArrayList<>(List.of("a", "b", "c"));
            Collections.shuffle(items, random);
            answers.add("\"rank\": {\"ranking\": [\"" + items.get(0) + "\", \"" + items.get(1) + "\"]}");
        }
        if (random.nextBoolean()) {
            List<String> picked = List.of("x", "y", "z").stream().filter(o -> random.nextBoolean()).toList();
            answers.add("\"pick\": {\"choices\": [" + String.join(", ", picked.stream().map(o -> "\"" + o + "\"")
                    .toList()) + "]}");
        }
        if (random.nextBoolean()) {
            answers.add("\"rate\": {\"rating\": " + random.nextInt(1, 6) + "}");
        }
        if (random.nextBoolean()) {
            answers.add("\"say\": {\"text\": \"a few words\"}");
        }
        if (random.nextBoolean()) {
            answers.add("\"age\": {\"choice\": \"" + (random.nextBoolean() ? "young" : "old") + "\"}");
        }
        Channel channel = Channel.values()[random.nextInt(Channel.values().length)];
        String place = random.nextInt(4) == 0 ? null : PLACES.get(random.nextInt(PLACES.size()));
        return response(channel, place, answers.toString());
    }
}
