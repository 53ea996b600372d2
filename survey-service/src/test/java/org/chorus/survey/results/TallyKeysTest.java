package org.chorus.survey.results;

import static org.chorus.survey.SurveyJson.options;
import static org.chorus.survey.SurveyJson.published;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.chorus.platform.web.suppression.Suppression;
import org.chorus.survey.SurveyJson;
import org.chorus.survey.definition.PublishedSurvey;
import org.chorus.survey.response.Channel;
import org.chorus.survey.response.StoredResponse;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** The counters one response moves: each answer, in every slice the response belongs to. */
class TallyKeysTest {

    static final PublishedSurvey SURVEY = published(
            "{\"id\": \"rank\", \"type\": \"RANKING\", \"rankTopN\": 2, \"text\": {\"en\": \"Rank\"}, \"options\": "
                    + options("a", "b", "c") + "}",
            "{\"id\": \"pick\", \"type\": \"CHOOSE_SEVERAL\", \"text\": {\"en\": \"Pick\"}, \"options\": "
                    + options("x", "y", "z") + "}",
            "{\"id\": \"rate\", \"type\": \"RATING\", \"scaleMin\": 1, \"scaleMax\": 5, \"text\": {\"en\": \"Rate\"}}",
            "{\"id\": \"say\", \"type\": \"FREE_TEXT\", \"text\": {\"en\": \"Say\"}}",
            "{\"id\": \"age\", \"type\": \"DEMOGRAPHIC\", \"demographic\": \"AGE_BAND\", \"text\": {\"en\": \"Age\"}, "
                    + "\"options\": " + options("young", "old") + "}");

    @Test
    void aResponseCountsEachAnswerOverallByChannelByPlaceAndByItsDemographicAnswers() {
        Set<TallyKey> keys = TallyKeys.of(SURVEY, response(Channel.PHONE, "blackpool",
                "{\"rank\": {\"ranking\": [\"c\", \"a\"]}, \"pick\": {\"choices\": [\"x\", \"z\"]}, "
                        + "\"rate\": {\"rating\": 4}, \"say\": {\"text\": \"words are not counted\"}, "
                        + "\"age\": {\"choice\": \"old\"}}"));

        Set<String> answerKeys = Set.of("*/responses", "rank/answered", "rank/rank:c:1", "rank/rank:a:2",
                "pick/answered", "pick/option:x", "pick/option:z", "rate/answered", "rate/rating:4", "say/answered",
                "age/answered", "age/option:old");
        for (String slice : List.of("all=", "channel=PHONE", "place=blackpool", "question:age=old")) {
            assertEquals(answerKeys, keys.stream().filter(k -> slice.equals(k.dimension() + "=" + k.dimensionValue()))
                    .map(k -> k.questionId() + "/" + k.answerKey()).collect(Collectors.toSet()), slice);
        }
        assertEquals(4 * answerKeys.size(), keys.size(), "no other slice");
    }

    @Test
    void unansweredQuestionsAndAMissingPlaceMoveNothing() {
        Set<TallyKey> keys = TallyKeys.of(SURVEY, response(Channel.ONLINE, null, "{\"rate\": {\"rating\": 1}}"));
        assertEquals(Set.of("all=/*/responses", "all=/rate/answered", "all=/rate/rating:1",
                "channel=ONLINE/*/responses", "channel=ONLINE/rate/answered", "channel=ONLINE/rate/rating:1"),
                keys.stream().map(k -> k.dimension() + "=" + k.dimensionValue() + "/" + k.questionId() + "/"
                        + k.answerKey()).collect(Collectors.toSet()));
    }

    /**
     * Generated responses folded into results: every group's response count is the number of responses in it, each
     * question's answered count the number that answered it, and the groups of a breakdown add up to the whole.
     */
    @RepeatedTest(100)
    void countsAddUpAcrossBreakdowns(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        Tallies overall = new Tallies(SURVEY, TallyKey.ALL);
        Tallies byChannel = new Tallies(SURVEY, TallyKey.CHANNEL);
        int responses = 0;
        int rated = 0;
        Set<Channel> present = new java.util.HashSet<>();
        for (int i = random.nextInt(1, 15); i > 0; i--) {
            int times = random.nextInt(1, 9);
            Channel channel = Channel.values()[random.nextInt(Channel.values().length)];
            boolean rates = random.nextBoolean();
            String answers = rates ? "{\"rate\": {\"rating\": " + random.nextInt(1, 6) + "}}" : "{}";
            overall.add(answers, times, channel, null);
            byChannel.add(answers, times, channel, null);
            responses += times;
            present.add(channel);
            rated += rates ? times : 0;
        }
        SurveyResults.Group all = overall.group("");
        if (responses < Suppression.THRESHOLD) {
            assertNull(all.responses().count(), responses + " responses are too few to show");
        } else {
            assertEquals(responses, all.responses().count());
        }
        Cell answered = overall.question("", "rate").answered();
        if (answered.count() != null) {
            assertEquals(rated, answered.count());
        } else {
            assertTrue(rated > 0 && rated < Suppression.THRESHOLD, "suppressed only when 1 to 4 rated: " + rated);
        }
        long shownByChannel = 0;
        int suppressedGroups = 0;
        for (Channel channel : Channel.values()) {
            Cell group = byChannel.group(channel.name()).responses();
            if (group.count() == null) {
                suppressedGroups++;
            } else {
                shownByChannel += group.count();
            }
        }
        assertTrue(present.size() == 1 || suppressedGroups != 1, "one suppressed channel would follow from the total");
        assertTrue(suppressedGroups > 0 || shownByChannel == responses, "shown channels add up to all responses");
    }

    static StoredResponse response(Channel channel, String place, String answers) {
        return new StoredResponse(UUID.randomUUID(), SURVEY.surveyId(), 1, channel, place, null, null, Instant.now(),
                SurveyJson.answers(answers));
    }
}
