package org.chorus.survey.export;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.chorus.survey.definition.PublishedSurvey;
import org.chorus.survey.response.Answer;

/**
 * Reads a response's stored answers, as its {@code answers} column holds them, by hand ({@link JsonCursor}). Binding
 * each answer through the application's mapper took more than half of an export's reading thread, and Jackson's
 * streaming parser still most of it, making a new string of every id in every answer; this reads the same document
 * with the survey's ids given back as the definition's own strings. It reads what was stored, not what a caller sent:
 * the answers were checked when they were accepted, and PostgreSQL's jsonb keeps no duplicate keys, so the request
 * checks (duplicate keys, NUL characters) are left to the request path. Unknown fields are skipped, as the mapper
 * skips them.
 */
final class StoredAnswers {

    /** An answer's own fields, which {@link #answer} switches on. */
    private static final List<String> FIELDS = List.of("ranking", "choices", "choice", "text", "rating", "consent");

    private final KnownIds known;

    /** @param ids the ids answers may name, given back as these very strings */
    StoredAnswers(Collection<String> ids) {
        List<String> all = new ArrayList<>(FIELDS);
        all.addAll(ids);
        this.known = new KnownIds(all);
    }

    /** A reader for the answers to one survey: its question ids and its items' and options' ids. */
    static StoredAnswers of(PublishedSurvey survey) {
        List<String> ids = new ArrayList<>();
        survey.definition().questions().forEach(question -> {
            ids.add(question.id());
            question.optionsOrEmpty().forEach(option -> ids.add(option.id()));
        });
        return new StoredAnswers(ids);
    }

    /**
     * Reads the answers where they lie in a larger buffer, such as a row of a binary COPY, without copying them.
     *
     * @return one response's answers by question id
     */
    Map<String, Answer> read(byte[] buffer, int offset, int length) throws IOException {
        JsonCursor json = new JsonCursor(buffer, offset, length, known);
        json.expect('{');
        Map<String, Answer> answers = new HashMap<>();
        for (String questionId = json.firstName(); questionId != null; questionId = json.nextName()) {
            answers.put(questionId, answer(json));
        }
        return answers;
    }

    private static Answer answer(JsonCursor json) throws IOException {
        json.expect('{');
        List<String> ranking = null;
        List<String> choices = null;
        String choice = null;
        String text = null;
        Integer rating = null;
        Boolean consent = null;
        for (String field = json.firstName(); field != null; field = json.nextName()) {
            if (json.takeNull()) {
                continue;
            }
            switch (field) {
                case "ranking" -> ranking = json.strings();
                case "choices" -> choices = json.strings();
                case "choice" -> choice = json.string();
                case "text" -> text = json.string();
                case "rating" -> rating = json.integer();
                case "consent" -> consent = json.bool();
                default -> json.skipValue();
            }
        }
        return new Answer(ranking, choices, choice, text, rating, consent);
    }
}
