package org.chorus.insight.finding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.chorus.platform.web.problem.FieldError;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** A finding's rules that need its activity or the taxonomy, and the promise that quotes are anonymous. */
class FindingRulesTest {

    private static final Map<String, String> THEMES = Map.of("waiting-times", "Waiting times",
            "mental-health-support", "Mental health support");
    private static final String ANONYMOUS = "must be anonymous: remove the email address or phone number";

    @Test
    void themesComeFromTheTaxonomy() {
        assertEquals(List.of(FieldError.body("/themes/1", "unknown theme 'loneliness': use a code from GET "
                + "/api/v1/themes, or propose it in proposedThemes")),
                check(finding(List.of(" waiting-times ", "loneliness"), 3, List.of()), 10));
    }

    /** A label, or a code misspelt, is still refused (the API reads codes only) but hears the code it was near. */
    @Test
    void anUnknownThemeHearsTheNearestCodes() {
        assertEquals(List.of(FieldError.body("/themes/0", "unknown theme 'Waiting times': use a code from GET "
                + "/api/v1/themes, or propose it in proposedThemes; did you mean waiting-times?"),
                FieldError.body("/themes/1", "unknown theme 'mental-helth-support': use a code from GET "
                        + "/api/v1/themes, or propose it in proposedThemes; did you mean mental-health-support?")),
                check(finding(List.of("Waiting times", "mental-helth-support"), 3, List.of()), 10));
    }

    @Test
    void aFindingIsRaisedByAtMostTheActivitysParticipants() {
        assertEquals(List.of(), check(finding(List.of(), 10, List.of()), 10));
        assertEquals(List.of(), check(finding(List.of(), 11, List.of()), null), "not known yet, not checked");
        assertEquals(List.of(FieldError.body("/participantCount", "must be at most the activity's 10 participants")),
                check(finding(List.of(), 11, List.of()), 10));
    }

    @Test
    void quotesWithAnEmailAddressOrAPhoneNumberAreRefusedWhereTheyAre() {
        assertEquals(List.of(FieldError.body("/quotes/1", ANONYMOUS), FieldError.body("/quotes/2", ANONYMOUS)),
                check(finding(List.of(), null, List.of("I waited 11 weeks in 2019.", "Write to ann.jones+nhs@example.org",
                        "Ring me on 07700 900123")), null));
    }

    /** Generated UK phone numbers, written as people write them, inside a sentence: always refused. */
    @RepeatedTest(300)
    void aPhoneNumberIsFoundHoweverItIsWritten(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        StringBuilder number = new StringBuilder(random.nextBoolean() ? "0" : random.nextBoolean() ? "+44 " : "+44");
        for (int digit = 0; digit < 10; digit++) {
            number.append(random.nextInt(10));
            if (digit < 9 && random.nextInt(4) == 0) {
                number.append(random.nextBoolean() ? " " : "-");
            }
        }
        String quote = "They said to call " + number + " if it happened again.";
        assertEquals(List.of(FieldError.body("/quotes/0", ANONYMOUS)),
                check(finding(List.of(), null, List.of(quote)), null), quote);
    }

    /** Generated ordinary sentences with dates, ages and counts, but no contact details: never refused. */
    @RepeatedTest(300)
    void ordinaryQuotesWithNumbersAreKept(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        String quote = "I am " + random.nextInt(18, 100) + ", waited " + random.nextInt(1, 60) + " weeks from "
                + random.nextInt(1, 29) + "/" + random.nextInt(1, 13) + "/" + random.nextInt(1990, 2030) + " and paid £"
                + random.nextInt(1, 1000) + " at 10:" + random.nextInt(10, 60) + ", ward " + random.nextInt(1, 40) + ".";
        assertEquals(List.of(), check(finding(List.of(), null, List.of(quote)), null), quote);
    }

    private static List<FieldError> check(FindingInput finding, Integer activityParticipants) {
        return FindingRules.check(finding, activityParticipants, THEMES);
    }

    private static FindingInput finding(List<String> themes, Integer participants, List<String> quotes) {
        return new FindingInput(UUID.randomUUID(), "Long waits for referrals", themes, null, Sentiment.CONCERN,
                participants, quotes);
    }
}
