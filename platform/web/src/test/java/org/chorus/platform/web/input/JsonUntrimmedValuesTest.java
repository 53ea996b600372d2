package org.chorus.platform.web.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.chorus.platform.web.problem.ExpectedForms;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * A date, id, number or kind is read from exactly its form, as a field and as an item of a list; anything Jackson
 * would trim off is refused at its field. Text keeps what is around it.
 */
class JsonUntrimmedValuesTest {

    private static final ObjectMapper REQUESTS = new ObjectMapper().registerModule(new JavaTimeModule());

    static {
        new JsonEnumNames().customize(REQUESTS);
        new JsonUntrimmedValues().customize(REQUESTS);
        new JsonDates().customize(REQUESTS);
    }

    enum Sentiment {
        POSITIVE, CONCERN, SUGGESTION
    }

    record Finding(Sentiment sentiment, List<Sentiment> also, LocalDate decidedOn, UUID activityId,
            Integer participantCount, long order, Boolean anonymous, String statement) {
    }

    @Test
    void valuesInTheirExactFormAreRead() throws Exception {
        UUID activity = UUID.randomUUID();
        Finding read = REQUESTS.readValue("{\"sentiment\": \"CONCERN\", \"also\": [\"POSITIVE\"], "
                + "\"decidedOn\": \"2024-06-01\", \"activityId\": \"" + activity + "\", \"participantCount\": \"12\", "
                + "\"order\": 3, \"anonymous\": \"true\", \"statement\": \" Long waits \\n\"}", Finding.class);
        assertEquals(new Finding(Sentiment.CONCERN, List.of(Sentiment.POSITIVE), LocalDate.of(2024, 6, 1), activity,
                12, 3, true, " Long waits \n"), read);
    }

    @Test
    void anythingAroundAValueIsRefusedAtItsField() {
        for (String around : List.of("%s\\u0000", " %s", "%s ", "\\t%s", "%s\\r\\n", "\\u001b[31m%s")) {
            assertRefusedAt("sentiment", "\"" + around.formatted("CONCERN") + "\"", Sentiment.class);
            assertRefusedAt("also", "[\"POSITIVE\", \"" + around.formatted("CONCERN") + "\"]", Sentiment.class);
            assertRefusedAt("decidedOn", "\"" + around.formatted("2024-06-01") + "\"", LocalDate.class);
            assertRefusedAt("activityId", "\"" + around.formatted(UUID.randomUUID()) + "\"", UUID.class);
            assertRefusedAt("participantCount", "\"" + around.formatted("12") + "\"", Integer.class);
            assertRefusedAt("order", "\"" + around.formatted("3") + "\"", long.class);
            assertRefusedAt("anonymous", "\"" + around.formatted("true") + "\"", Boolean.class);
        }
    }

    @Test
    void aKindIsNeverANumberOrAnotherCase() {
        for (String sent : List.of("0", "\"0\"", "\"concern\"", "\"\u00a0CONCERN\"")) {
            assertThrows(InvalidFormatException.class,
                    () -> REQUESTS.readValue("{\"sentiment\": " + sent + "}", Finding.class), sent);
        }
    }

    private static void assertRefusedAt(String field, String value, Class<?> type) {
        String json = "{\"" + field + "\": " + value + "}";
        JsonUntrimmedValues.PaddedJsonValue refused = assertThrows(JsonUntrimmedValues.PaddedJsonValue.class,
                () -> REQUESTS.readValue(json, Finding.class), json);
        assertEquals(type, refused.getTargetType(), json);
        assertEquals(field, refused.getPath().get(0).getFieldName(), json);
        assertEquals("expected " + ExpectedForms.of(type) + ", with no space, line break or control character "
                + "around it", refused.rule(), json);
    }
}
