package org.chorus.platform.web.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** How spreadsheet spellings of a value are matched to its code, and what is suggested when none matches. */
class VocabularyTest {

    private final Vocabulary themes = Vocabulary.ofLabelled(Map.of(
            "care-at-home", "Care and support at home",
            "mental-health-support", "Mental health support",
            "waiting-times", "Waiting times and referrals"));

    @Test
    void aCodeOrALabelMatchesWhateverItsCaseSpacingHyphensAccentsOrAmpersands() {
        for (String written : List.of("care-at-home", "CARE AT HOME", " Care  and support at home ",
                "Care & support at home", "care_support-at-home", "Cäre and support at home")) {
            assertEquals(Optional.of("care-at-home"), themes.resolve(written), written);
        }
        assertEquals(Optional.of("waiting-times"), themes.resolve("Waiting Times & Referrals"));
        assertEquals(Optional.empty(), themes.resolve("loneliness"));
    }

    @Test
    void textThatMatchesNothingGetsTheNearestValuesNearestFirst() {
        assertEquals(List.of("mental-health-support"), themes.nearest("mental helth support"));
        assertEquals(List.of("mental-health-support"), themes.nearest("mental health"), "a typed beginning is near");
        assertEquals(List.of("care-at-home", "mental-health-support"), themes.nearest("Support"),
                "a word of a code or a label is near");
        assertEquals(List.of(), themes.nearest("port"), "a piece of a word is not");
        assertEquals("; did you mean waiting-times?", themes.didYouMean("waitng times"));
        assertEquals(List.of(), themes.nearest("loneliness"), "nothing is near: no suggestion");
    }

    @Test
    void anEnumIsReadByItsNameAsPeopleWriteIt() {
        Vocabulary sentiments = Vocabulary.ofCodes(List.of("POSITIVE", "CONCERN", "MIXED"));
        assertEquals(Optional.of("CONCERN"), sentiments.resolve("concern"));
        assertEquals(List.of("CONCERN"), sentiments.nearest("Concren"));
        Vocabulary methods = Vocabulary.ofCodes(List.of("FOCUS_GROUP", "TELEPHONE_INTERVIEW", "FACE_TO_FACE_INTERVIEW"));
        assertEquals(List.of("FACE_TO_FACE_INTERVIEW", "TELEPHONE_INTERVIEW"), methods.nearest("Interview"));
    }

    @Test
    void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
        assertEquals(0, Vocabulary.editDistance("blackpool", "blackpool"));
        assertEquals(1, Vocabulary.editDistance("blackpol", "blackpool"));
        assertEquals(1, Vocabulary.editDistance("blackpoo1", "blackpool"));
        assertEquals(3, Vocabulary.editDistance("kitten", "sitting"));
        assertEquals(9, Vocabulary.editDistance("", "blackpool"));
        assertTrue(Vocabulary.editDistance("lancashire", "cumbria") > 3);
    }
}
