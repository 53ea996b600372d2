package org.chorus.survey.export;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.chorus.survey.response.Answer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Reads a response's stored answers, as its {@code answers} column holds them, with Jackson's streaming parser. Binding
 * each answer to its record through the application's mapper took more than half of an export's reading thread; this
 * reads the same document at a fraction of that. It reads what was stored, not what a caller sent: the answers were
 * checked when they were accepted, and PostgreSQL's jsonb keeps no duplicate keys, so the request checks (duplicate
 * keys, NUL characters) are left to the request path. Unknown fields are skipped, as the mapper skips them.
 */
final class StoredAnswers {

    /** A plain factory: the application mapper's has duplicate detection switched on for requests. */
    private static final JsonFactory JSON = new JsonFactory();

    private StoredAnswers() {
    }

    /** @param json one response's answers: an object of answers by question id */
    static Map<String, Answer> read(byte[] json) throws IOException {
        return read(json, 0, json.length);
    }

    /** Reads the answers where they lie in a larger buffer, such as a row of a binary COPY, without copying them. */
    static Map<String, Answer> read(byte[] buffer, int offset, int length) throws IOException {
        try (JsonParser parser = JSON.createParser(buffer, offset, length)) {
            expect(parser, parser.nextToken(), JsonToken.START_OBJECT);
            Map<String, Answer> answers = new HashMap<>();
            for (String questionId = parser.nextFieldName(); questionId != null; questionId = parser.nextFieldName()) {
                answers.put(questionId, answer(parser));
            }
            expect(parser, parser.currentToken(), JsonToken.END_OBJECT);
            return answers;
        }
    }

    private static Answer answer(JsonParser parser) throws IOException {
        expect(parser, parser.nextToken(), JsonToken.START_OBJECT);
        List<String> ranking = null;
        List<String> choices = null;
        String choice = null;
        String text = null;
        Integer rating = null;
        Boolean consent = null;
        for (String field = parser.nextFieldName(); field != null; field = parser.nextFieldName()) {
            if (parser.nextToken() == JsonToken.VALUE_NULL) {
                continue;
            }
            switch (field) {
                case "ranking" -> ranking = strings(parser);
                case "choices" -> choices = strings(parser);
                case "choice" -> choice = parser.getValueAsString();
                case "text" -> text = parser.getValueAsString();
                case "rating" -> rating = parser.getIntValue();
                case "consent" -> consent = parser.getBooleanValue();
                default -> parser.skipChildren();
            }
        }
        expect(parser, parser.currentToken(), JsonToken.END_OBJECT);
        return new Answer(ranking, choices, choice, text, rating, consent);
    }

    private static List<String> strings(JsonParser parser) throws IOException {
        expect(parser, parser.currentToken(), JsonToken.START_ARRAY);
        List<String> values = new ArrayList<>();
        for (String value = parser.nextTextValue(); value != null; value = parser.nextTextValue()) {
            values.add(value);
        }
        expect(parser, parser.currentToken(), JsonToken.END_ARRAY);
        return values;
    }

    private static void expect(JsonParser parser, JsonToken actual, JsonToken expected) throws JsonParseException {
        if (actual != expected) {
            throw new JsonParseException(parser, "Stored answers: expected " + expected + " but found " + actual);
        }
    }
}
