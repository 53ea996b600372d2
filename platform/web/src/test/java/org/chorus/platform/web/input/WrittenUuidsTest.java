package org.chorus.platform.web.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;

import org.chorus.platform.web.problem.ExpectedForms;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** A UUID is read from the text the JDK writes for it, in either case, and from nothing else. */
class WrittenUuidsTest {

    private static final ObjectMapper REQUESTS = new ObjectMapper();
    private static final String SOME_OF_EVERY_KIND = "0123456789abcdefABCDEF-+g ٣０{}";

    static {
        new JsonUntrimmedValues().customize(REQUESTS);
    }

    record Finding(UUID activityId, List<UUID> themeIds) {
    }

    @Test
    void formsTheJdkOrJacksonReadAsAnotherUuidAreRefused() {
        for (String text : List.of("1-1-1-1-1", "+1-1-1-1-1", "0-0-0-0-1", "00000001-0001-0001-0001-1",
                "00000000-0000-0000-0000-00000000000١", "{3b241101-e2bb-4255-8caf-4136c566a962}",
                "3b241101e2bb42558caf4136c566a962", "AAAAAAAAAAAAAAAAAAAAAQ==")) {
            assertFalse(WrittenUuids.isWritten(text), text);
            assertThrows(IllegalArgumentException.class, () -> WrittenUuids.parse(text), text);
        }
        UUID id = UUID.fromString("3b241101-e2bb-4255-8caf-4136c566a962");
        assertEquals(id, WrittenUuids.parse("3b241101-e2bb-4255-8caf-4136c566a962"));
        assertEquals(id, WrittenUuids.parse("3B241101-E2BB-4255-8CAF-4136C566A962"));
    }

    @Test
    void jsonReadsAnIdOnlyFromItsWrittenForm() throws Exception {
        UUID id = UUID.randomUUID();
        assertEquals(new Finding(id, List.of(id)), REQUESTS.readValue(
                "{\"activityId\": \"" + id + "\", \"themeIds\": [\"" + id + "\"]}", Finding.class));
        String base64 = Base64.getEncoder().encodeToString(bytes(id));
        for (String json : List.of("{\"activityId\": \"" + base64 + "\"}", "{\"themeIds\": [\"1-1-1-1-1\"]}")) {
            RefusedJsonValue refused = assertThrows(RefusedJsonValue.class,
                    () -> REQUESTS.readValue(json, Finding.class), json);
            assertEquals("expected " + ExpectedForms.of(UUID.class), refused.rule(), json);
            assertTrue(json.contains("\"" + refused.getPath().get(0).getFieldName() + "\""), json);
        }
    }

    /** A UUID's text, changed a few characters at a time, is read exactly when the JDK writes it back the same. */
    @RepeatedTest(500)
    void agreesWithWhatTheJdkWritesForTheUuidItReads(RepetitionInfo repetition) {
        SplittableRandom random = new SplittableRandom(repetition.getCurrentRepetition());
        StringBuilder text = new StringBuilder(new UUID(random.nextLong(), random.nextLong()).toString());
        if (random.nextBoolean()) {
            text = new StringBuilder(text.toString().toUpperCase(Locale.ROOT));
        }
        for (int change = random.nextInt(3); change > 0; change--) {
            int at = random.nextInt(text.length());
            char other = SOME_OF_EVERY_KIND.charAt(random.nextInt(SOME_OF_EVERY_KIND.length()));
            switch (random.nextInt(3)) {
                case 0 -> text.deleteCharAt(at);
                case 1 -> text.insert(at, other);
                default -> text.setCharAt(at, other);
            }
        }
        String sent = text.toString();
        boolean jdkWritesItBack = readsBack(sent);
        assertEquals(jdkWritesItBack, WrittenUuids.isWritten(sent), sent);
        if (jdkWritesItBack) {
            assertEquals(UUID.fromString(sent), WrittenUuids.parse(sent), sent);
        }
    }

    private static boolean readsBack(String text) {
        try {
            return UUID.fromString(text).toString().equalsIgnoreCase(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits())
                .array();
    }
}
