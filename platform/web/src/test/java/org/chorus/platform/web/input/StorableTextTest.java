package org.chorus.platform.web.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A string is refused exactly when it would not come back from PostgreSQL as it was sent: with a NUL, which PostgreSQL
 * refuses, or with half of a surrogate pair, which has no UTF-8 form and is stored as {@code ?}. JSON spells the half
 * as an escape, so Jackson reads it from a body that is valid UTF-8.
 */
class StorableTextTest {

    private static final ObjectMapper REQUESTS = new ObjectMapper();

    static {
        new JsonStorableStrings().customize(REQUESTS);
    }

    record Place(String name, List<String> aliases, Map<String, String> labels) {
    }

    @Test
    void halfOfAPairIsRefusedNamingItAndWhereItStands() {
        assertEquals("must hold whole characters: \\uD800 at character 4 is half of a surrogate pair, and the other "
                + "half must follow it (RFC 8259, section 8.2)", StorableText.brokenRule("Caf\uD800e"));
        assertEquals(halfAt("\\uDE00", 4), StorableText.brokenRule("Caf\uDE00\uD83De"), "the two the wrong way round");
        assertEquals(halfAt("\\uD83D", 2), StorableText.brokenRule("x\uD83D"), "a high half at the end");
        assertEquals(StorableText.NUL_RULE, StorableText.brokenRule("Focus\u0000 group"));
        assertNull(StorableText.brokenRule("Caf\u00e9 \uD83C\uDFE5 \uD83D\uDC69\u200D\u2695\uFE0F \uFFFE"));
        assertNull(StorableText.brokenRule(""));
    }

    /** Strings of characters drawn mostly from the surrogates, with NUL and others among them. */
    @RepeatedTest(500)
    void refusedExactlyWhenTheTextWouldNotComeBackAsSent(RepetitionInfo repetition) {
        SplittableRandom random = new SplittableRandom(repetition.getCurrentRepetition());
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(8); i > 0; i--) {
            text.append((char) switch (random.nextInt(4)) {
                case 0 -> random.nextInt(0x80);
                case 1 -> random.nextInt(0x10000);
                default -> Character.MIN_SURROGATE + random.nextInt(0x800);
            });
        }
        String sent = text.toString();
        boolean comesBack = new String(sent.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).equals(sent)
                && sent.indexOf('\0') < 0;
        assertEquals(comesBack, StorableText.brokenRule(sent) == null,
                HexFormat.of().formatHex(sent.getBytes(StandardCharsets.UTF_16BE)));
    }

    @Test
    void jsonEscapesOfHalfACharacterAreRefusedAtTheirFieldWhereverTheStringStands() {
        assertRefusedAt("{\"name\": \"Caf\\ud800e\"}", "name", halfAt("\\uD800", 4));
        assertRefusedAt("{\"aliases\": [\"ok\", \"\\udfff\"]}", "aliases", halfAt("\\uDFFF", 1));
        assertRefusedAt("{\"labels\": {\"cy\": \"Ysbyty \\ude00\\ud83d\"}}", "labels", halfAt("\\uDE00", 8));
        assertRefusedAt("{\"labels\": {\"c\\ud800\": \"Ysbyty\"}}", "labels", "field names " + halfAt("\\uD800", 2));
        assertRefusedAt("{\"name\": \"Focus\\u0000\"}", "name", StorableText.NUL_RULE);
    }

    @Test
    void wholeCharactersEscapedOrNotAreReadAsSent() throws Exception {
        Place read = REQUESTS.readValue("{\"name\": \"Caf\\u00e9 \\ud83c\\udfe5\", \"aliases\": [\"\uD83C\uDFE5\"], "
                + "\"labels\": {\"cy\": \"Ysbyty Gwynedd\"}}", Place.class);
        assertEquals(new Place("Caf\u00e9 \uD83C\uDFE5", List.of("\uD83C\uDFE5"), Map.of("cy", "Ysbyty Gwynedd")),
                read);
    }

    private static void assertRefusedAt(String json, String field, String rule) {
        JsonStorableStrings.UnstorableJsonString refused = assertThrows(JsonStorableStrings.UnstorableJsonString.class,
                () -> REQUESTS.readValue(json, Place.class), json);
        assertEquals(rule, refused.rule());
        assertEquals(field, refused.getPath().get(0).getFieldName());
    }

    private static String halfAt(String escape, int character) {
        return "must hold whole characters: " + escape + " at character " + character
                + " is half of a surrogate pair, and the other half must follow it (RFC 8259, section 8.2)";
    }
}
