package org.chorus.survey.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** What SPSS syntax needs of names and string literals, whatever the survey's ids and labels. */
class SpssSyntaxTest {

    private static final String ID_CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789-";

    @Test
    void columnNamesBecomeSpssNames() {
        assertEquals(List.of("issues_prevention_mental_wellbeing", "v_18_to_34", "v_to", "priorities_rank_1"),
                SpssNames.of(List.of("issues-prevention_mental-wellbeing", "18-to-34", "to", "priorities_rank_1")));
        assertEquals(List.of("a_b", "a_b_2", "A_B_3"), SpssNames.of(List.of("a-b", "a_b", "A-B")),
                "names differing only by case or hyphen stay apart");
    }

    /** Generated column names as exports make them: valid SPSS names, at most 64 bytes, unique whatever the case. */
    @RepeatedTest(300)
    void everyColumnGetsAValidUniqueName(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        List<String> columns = new ArrayList<>();
        for (int i = random.nextInt(1, 40); i > 0; i--) {
            String question = id(random);
            columns.add(random.nextBoolean() ? question : question + "_" + id(random));
        }
        List<String> names = SpssNames.of(columns);
        assertEquals(columns.size(), names.size());
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            assertTrue(name.matches("[A-Za-z][A-Za-z0-9_]*") && name.length() <= 64, name);
            assertTrue(seen.add(name.toUpperCase(Locale.ROOT)), "unique: " + name);
        }
    }

    /** Any label: quotes doubled, on one line, cut at a whole character within the byte limit. */
    @RepeatedTest(300)
    void labelsBecomeLiteralsSpssReads(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        String[] pieces = { "a", "'", "\"", "ŵ", "🙂", "\n", "\r\n", " ", "Living well: prevention" };
        StringBuilder label = new StringBuilder();
        for (int i = random.nextInt(0, 80); i > 0; i--) {
            label.append(pieces[random.nextInt(pieces.length)]);
        }
        int limit = random.nextInt(1, 130);
        String literal = SpssSyntax.quoted(label.toString(), limit);
        assertTrue(literal.startsWith("'") && literal.endsWith("'"), literal);
        String inside = literal.substring(1, literal.length() - 1);
        assertTrue(!inside.contains("\n") && !inside.contains("\r"), "one line");
        assertTrue(!inside.replace("''", "").contains("'"), "every quote doubled");
        String unquoted = inside.replace("''", "'");
        assertTrue(unquoted.getBytes(StandardCharsets.UTF_8).length <= limit, "within the limit");
        assertTrue(CsvRowWriter.oneLine(label.toString()).startsWith(unquoted), "a cut, never a change");
    }

    private static String id(Random random) {
        StringBuilder id = new StringBuilder().append(ID_CHARACTERS.charAt(random.nextInt(36)));
        for (int i = random.nextInt(0, 70); i > 0; i--) {
            id.append(ID_CHARACTERS.charAt(random.nextInt(ID_CHARACTERS.length())));
        }
        return id.toString();
    }
}
