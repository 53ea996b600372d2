package org.chorus.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chorus.platform.web.problem.Problem;
import org.chorus.platform.web.problem.ProblemException;
import org.chorus.survey.definition.PublishedSurvey;
import org.chorus.survey.definition.SurveyDefinition;
import org.chorus.survey.response.Answer;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Surveys and answers for tests below HTTP, written as the JSON that clients send: tests that state the rules in the
 * API's own terms keep stating them when the Java types behind that JSON change.
 */
public final class SurveyJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder().findAndAddModules().build();

    private SurveyJson() {
    }

    /** A definition with one section holding the given questions, each a JSON object. */
    public static SurveyDefinition definition(String... questions) {
        return read("{\"title\": {\"en\": \"Our priorities\"}, \"sections\": [{\"id\": \"main\", "
                + "\"title\": {\"en\": \"Main\"}, \"questions\": [" + String.join(", ", questions) + "]}]}",
                SurveyDefinition.class);
    }

    /** Version 1 of a survey with one section holding the given questions. */
    public static PublishedSurvey published(String... questions) {
        return new PublishedSurvey(UUID.randomUUID(), UUID.randomUUID(), 1, definition(questions));
    }

    /** Answers by question id, as a response's {@code answers} object. */
    public static Map<String, Answer> answers(String json) {
        return read(json, new TypeReference<Map<String, Answer>>() {
        });
    }

    /** Options or items {@code ids} as a question's {@code options} array. */
    public static String options(String... ids) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < ids.length; i++) {
            json.append(i == 0 ? "" : ", ").append("{\"id\": \"").append(ids[i]).append("\", \"label\": {\"en\": \"")
                    .append(ids[i]).append("\"}}");
        }
        return json.append(']').toString();
    }

    /**
     * The rules {@code check} reports broken, each as "pointer: rule", or an empty list when it passes.
     *
     * @throws AssertionError if it refuses with anything but a 422 naming fields
     */
    public static List<String> brokenRules(Runnable check) {
        try {
            check.run();
            return List.of();
        } catch (ProblemException e) {
            Problem problem = e.toProblem(null);
            assertEquals(422, problem.status(), problem.toString());
            return problem.errors().stream().map(error -> error.pointer() + ": " + error.detail()).toList();
        }
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("not the JSON a client would send: " + json, e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("not the JSON a client would send: " + json, e);
        }
    }
}
