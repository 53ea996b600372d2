package org.chorus.survey.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.chorus.survey.response.Answer;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The export's own reader of stored answers must read exactly what Jackson's data binding reads from the same
 * document, whatever the answers hold, whether or not it knows the ids they name; it is checked here against that
 * binding on generated answers.
 */
class StoredAnswersTest {

    /** Configured as Quarkus configures the application's mapper, which the export used to bind answers with. */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final TypeReference<Map<String, Answer>> ANSWERS = new TypeReference<>() {
    };
    /** Characters that a reader could get wrong: quotes, escapes, line breaks, accents, Welsh and emoji. */
    private static final String AWKWARD = "\"\\/\n\r\t, ŵŷâ€😀\u0001'=+-@";

    /** Generated answers of every kind, compact and with the spacing PostgreSQL's jsonb prints. */
    @RepeatedTest(500)
    void readsWhatDataBindingReads(RepetitionInfo repetition) throws IOException {
        Random random = new Random(repetition.getCurrentRepetition());
        Map<String, Answer> answers = new LinkedHashMap<>();
        int questions = random.nextInt(0, 12);
        for (int i = 0; i < questions; i++) {
            answers.put("q" + random.nextInt(1000) + text(random, 3), answer(random));
        }
        String compact = MAPPER.writeValueAsString(answers);
        String spaced = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(answers);
        StoredAnswers knowingSome = new StoredAnswers(someIdsOf(answers, random));
        for (String stored : List.of(compact, spaced)) {
            assertEquals(MAPPER.readValue(stored, ANSWERS), read(stored), stored);
            assertEquals(MAPPER.readValue(stored, ANSWERS), read(knowingSome, stored), stored);
        }
    }

    @Test
    void givesTheSurveysOwnIdsBackRatherThanCopies() throws IOException {
        String question = new String("priorities".toCharArray());
        String item = new String("gp-appointments".toCharArray());
        Map<String, Answer> read = read(new StoredAnswers(List.of(question, item)),
                "{\"priorities\": {\"ranking\": [\"gp-appointments\", \"dentists\"]}}");
        String readQuestion = read.keySet().iterator().next();
        assertSame(question, readQuestion);
        assertSame(item, read.get(readQuestion).ranking().get(0));
        assertEquals("dentists", read.get(readQuestion).ranking().get(1));
    }

    @Test
    void readsEscapesAsJsonDefinesThem() throws IOException {
        assertEquals(Map.of("q", Answer.text("a\"b\\c/d\be\ff\ng\rh\ti é 😀")),
                read("{\"q\": {\"text\": \"a\\\"b\\\\c\\/d\\be\\ff\\ng\\rh\\ti \\u00e9 \\ud83d\\ude00\"}}"));
    }

    @Test
    void skipsUnknownFieldsAndNullsAsDataBindingDoes() throws IOException {
        String stored = """
                {"q1": {"ranking": ["a", "b"], "weight": {"deep": [1, 2, {"x": null}]}, "choice": null},
                 "q2": {"rating": 4, "consent": true, "note": "kept for later"}}""";
        assertEquals(Map.of("q1", Answer.ranking(List.of("a", "b")), "q2", new Answer(null, null, null, null, 4, true)),
                read(stored));
        assertEquals(MAPPER.readValue(stored, ANSWERS), read(stored));
    }

    @Test
    void refusesADocumentThatIsNotAnswersRatherThanMisreadingIt() {
        for (String notAnswers : List.of("[]", "{\"q1\": []}", "{\"q1\": {\"ranking\": \"a\"}}",
                "{\"q1\": {\"choices\": [\"a\", 2]}}", "{\"q1\": {\"rating\": \"x\"}}", "{\"q1\": {",
                "{\"q1\": {\"rating\": 2147483648}}", "{\"q1\": {\"rating\": 4.5}}", "{\"q1\": {\"text\": \"a\nb\"}}",
                "{\"q1\": {\"text\": \"\\x\"}}", "{\"q1\": {\"consent\": yes}}", "{\"q1\": {\"text\": \"open")) {
            assertThrows(IOException.class, () -> read(notAnswers), notAnswers);
        }
    }

    private static Map<String, Answer> read(String stored) throws IOException {
        return read(new StoredAnswers(List.of()), stored);
    }

    private static Map<String, Answer> read(StoredAnswers reader, String stored) throws IOException {
        byte[] bytes = stored.getBytes(StandardCharsets.UTF_8);
        return reader.read(bytes, 0, bytes.length);
    }

    /** About half the question ids and the ids their answers name, as a survey's definition would know them. */
    private static List<String> someIdsOf(Map<String, Answer> answers, Random random) {
        List<String> ids = new ArrayList<>();
        answers.forEach((questionId, answer) -> {
            ids.add(questionId);
            ids.addAll(answer.ranking() == null ? List.of() : answer.ranking());
            ids.addAll(answer.choices() == null ? List.of() : answer.choices());
            if (answer.choice() != null) {
                ids.add(answer.choice());
            }
        });
        return ids.stream().filter(id -> random.nextBoolean()).toList();
    }

    private static Answer answer(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> Answer.ranking(texts(random));
            case 1 -> Answer.choices(texts(random));
            case 2 -> Answer.choice(text(random, 20), random.nextBoolean() ? null : random.nextBoolean());
            case 3 -> Answer.text(text(random, 300));
            case 4 -> Answer.rating(random.nextInt(-10, 11));
            default -> new Answer(random.nextBoolean() ? texts(random) : null, random.nextBoolean() ? texts(random) : null,
                    random.nextBoolean() ? text(random, 10) : null, random.nextBoolean() ? text(random, 10) : null,
                    random.nextBoolean() ? random.nextInt() : null, random.nextBoolean() ? random.nextBoolean() : null);
        };
    }

    private static List<String> texts(Random random) {
        List<String> texts = new ArrayList<>();
        int size = random.nextInt(0, 8);
        for (int i = 0; i < size; i++) {
            texts.add(text(random, 30));
        }
        return texts;
    }

    private static String text(Random random, int maxLength) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(0, maxLength + 1);
        for (int i = 0; i < length; i++) {
            if (random.nextInt(4) == 0) {
                text.appendCodePoint(AWKWARD.codePointAt(AWKWARD.offsetByCodePoints(0,
                        random.nextInt(AWKWARD.codePointCount(0, AWKWARD.length())))));
            } else {
                text.append((char) random.nextInt('a', 'z' + 1));
            }
        }
        return text.toString();
    }
}
