package org.chorus.e2e;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What SPSS must hold for a survey, worked out from its definition as an analyst reads the export's documentation:
 * the leading columns, then per question type in a fixed order its variables (hyphens in names become underscores),
 * labelled in the language asked for where the survey has it, each coded free-text question followed by one 0/1
 * variable per category of its frame and one for "cannot be coded", and what each response's case holds.
 */
final class ExpectedVariables {

    private static final List<String> TYPES = List.of("RANKING", "CHOOSE_SEVERAL", "SINGLE_CHOICE", "RATING",
            "FREE_TEXT", "DEMOGRAPHIC");
    private static final String NOMINAL = "Nominal";
    private static final String ORDINAL = "Ordinal";

    private final JsonNode definition;
    private final String language;
    private final Coded coded;
    private final Map<String, DataPackageThroughTheGatewayIT.PsppOutput.Variable> variables = new LinkedHashMap<>();

    /**
     * How one free-text question was coded.
     *
     * @param categories the frame's codes with their labels, in the frame's order
     * @param codings per coded response, its categories, or null for an answer that cannot be coded
     */
    record Coded(String questionId, Map<String, String> categories, Map<String, List<String>> codings) {
    }

    ExpectedVariables(JsonNode definition, String language, Coded coded) {
        this.definition = definition;
        this.language = language;
        this.coded = coded;
        leading();
        for (String type : TYPES) {
            questions(type).forEach(this::question);
        }
    }

    Map<String, DataPackageThroughTheGatewayIT.PsppOutput.Variable> variables() {
        return variables;
    }

    /** Every variable's value as PSPP lists it but submitted_at's: "." for a missing number, "" for missing text. */
    Map<String, String> values(String responseId, KnownResponses.Given given) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("response_id", responseId);
        values.put("survey_version", "1");
        values.put("channel", "PHONE");
        values.put("place", choice(given.answers().get("place")));
        values.put("language", given.language());
        for (String type : TYPES) {
            for (JsonNode q : questions(type)) {
                Object answer = given.answers().get(q.path("id").asText());
                @SuppressWarnings("unchecked")
                Map<String, Object> a = (Map<String, Object>) answer;
                String id = name(q.path("id").asText());
                switch (type) {
                    case "RANKING" -> q.path("options").forEach(item -> {
                        int rank = a == null ? -1 : ((List<?>) a.get("ranking")).indexOf(item.path("id").asText());
                        values.put(id + "_" + name(item.path("id").asText()), rank < 0 ? "." : Integer.toString(rank + 1));
                    });
                    case "CHOOSE_SEVERAL" -> q.path("options").forEach(option -> {
                        List<?> picked = a == null ? List.of() : (List<?>) a.get("choices");
                        values.put(id + "_" + name(option.path("id").asText()), picked.isEmpty() ? "."
                                : picked.contains(option.path("id").asText()) ? "1" : "0");
                    });
                    case "RATING" -> values.put(id, a == null ? "." : a.get("rating").toString());
                    case "FREE_TEXT" -> {
                        values.put(id, a == null ? "" : a.get("text").toString().replace('\n', ' '));
                        codedValues(q.path("id").asText(), responseId, values);
                    }
                    default -> values.put(id, choice(a));
                }
            }
        }
        return values;
    }

    private void leading() {
        variable("response_id", "Response", NOMINAL, Map.of());
        variable("survey_version", "Survey version", NOMINAL, Map.of());
        variable("submitted_at", "Submitted at", NOMINAL, Map.of());
        Map<String, String> channels = new LinkedHashMap<>();
        channels.put("ONLINE", "Online, on a partner's website");
        channels.put("PHONE", "By phone, entered by staff");
        channels.put("PAPER", "On paper, entered by staff");
        channels.put("EASY_READ", "Easy-read version, entered by staff");
        channels.put("EVENT", "At an event, entered by staff");
        variable("channel", "Channel", NOMINAL, channels);
        variable("place", "Place", NOMINAL, questions("DEMOGRAPHIC").stream()
                .filter(q -> q.path("demographic").asText().equals("PLACE")).findFirst().map(this::optionLabels)
                .orElse(Map.of()));
        variable("language", "Language", NOMINAL, Map.of());
    }

    private void question(JsonNode q) {
        String id = name(q.path("id").asText());
        String text = text(q.path("text"));
        switch (q.path("type").asText()) {
            case "RANKING" -> q.path("options").forEach(item -> variable(id + "_" + name(item.path("id").asText()),
                    text + ": " + text(item.path("label")), ORDINAL, Map.of()));
            case "CHOOSE_SEVERAL" -> q.path("options").forEach(option -> variable(
                    id + "_" + name(option.path("id").asText()), text + ": " + text(option.path("label")), NOMINAL,
                    Map.of("0", "not chosen", "1", "chosen")));
            case "RATING" -> variable(id, text, ORDINAL, Map.of());
            case "FREE_TEXT" -> {
                variable(id, text, NOMINAL, Map.of());
                codedVariables(q.path("id").asText(), text);
            }
            default -> {
                if (!q.path("demographic").asText().equals("PLACE")) {
                    variable(id, text, NOMINAL, optionLabels(q));
                }
            }
        }
    }

    private void codedVariables(String questionId, String text) {
        if (!coded.questionId().equals(questionId)) {
            return;
        }
        String id = name(questionId);
        coded.categories().forEach((code, label) -> variable(id + "__code__" + name(code), text + ": " + label,
                NOMINAL, Map.of("0", "not coded as " + label, "1", "coded as " + label)));
        variable(id + "__cannot_be_coded", text + ": Cannot be coded", NOMINAL,
                Map.of("0", "coded", "1", "cannot be coded"));
    }

    /** "." (missing) while the answer is uncoded; otherwise 1 for each category it was given and 0 for the rest. */
    private void codedValues(String questionId, String responseId, Map<String, String> values) {
        if (!coded.questionId().equals(questionId)) {
            return;
        }
        String id = name(questionId);
        boolean isCoded = coded.codings().containsKey(responseId);
        List<String> given = coded.codings().get(responseId);
        coded.categories().keySet().forEach(code -> values.put(id + "__code__" + name(code),
                !isCoded ? "." : given != null && given.contains(code) ? "1" : "0"));
        values.put(id + "__cannot_be_coded", !isCoded ? "." : given == null ? "1" : "0");
    }

    private Map<String, String> optionLabels(JsonNode q) {
        Map<String, String> labels = new LinkedHashMap<>();
        q.path("options").forEach(o -> labels.put(o.path("id").asText(), text(o.path("label"))));
        return labels;
    }

    private List<JsonNode> questions(String type) {
        List<JsonNode> questions = new ArrayList<>();
        definition.path("sections").forEach(s -> s.path("questions").forEach(q -> {
            if (q.path("type").asText().equals(type)) {
                questions.add(q);
            }
        }));
        return questions;
    }

    private void variable(String name, String label, String level, Map<String, String> valueLabels) {
        variables.put(name, new DataPackageThroughTheGatewayIT.PsppOutput.Variable(label, level, valueLabels));
    }

    private String text(JsonNode text) {
        return text.has(language) ? text.path(language).asText() : text.path("en").asText();
    }

    private static String choice(Object answer) {
        return answer == null ? "" : ((Map<?, ?>) answer).get("choice").toString();
    }

    private static String name(String id) {
        return id.replace('-', '_');
    }
}
