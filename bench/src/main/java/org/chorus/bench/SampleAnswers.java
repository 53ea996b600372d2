package org.chorus.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Varied, valid answers to the seed survey, so that tallies and exports have realistic spread. */
final class SampleAnswers {

    private static final String[] TEXTS = { "More GP appointments, please.", "Think about people who are not online",
            "Buses to the hospital, \"cheaper\" parking,\nand evening clinics", "" };

    private final JsonNode definition;
    private final Random random;

    SampleAnswers(JsonNode definition, long seed) {
        this.definition = definition;
        this.random = new Random(seed);
    }

    ObjectNode next() {
        ObjectNode body = BenchClient.JSON.createObjectNode();
        ObjectNode answers = body.putObject("answers");
        for (JsonNode section : definition.path("sections")) {
            for (JsonNode question : section.path("questions")) {
                answer(question, answers);
            }
        }
        return body;
    }

    private void answer(JsonNode q, ObjectNode answers) {
        List<String> options = new ArrayList<>();
        q.path("options").forEach(o -> options.add(o.path("id").asText()));
        String id = q.path("id").asText();
        switch (q.path("type").asText()) {
            case "RANKING" -> {
                Collections.shuffle(options, random);
                answers.putObject(id).putPOJO("ranking", options);
            }
            case "CHOOSE_SEVERAL" -> {
                Collections.shuffle(options, random);
                answers.putObject(id).putPOJO("choices", options.subList(0, 1 + random.nextInt(3)));
            }
            case "FREE_TEXT" -> {
                String text = TEXTS[random.nextInt(TEXTS.length)];
                if (!text.isEmpty()) {
                    answers.putObject(id).put("text", text);
                }
            }
            case "SINGLE_CHOICE", "DEMOGRAPHIC" -> {
                if (random.nextInt(5) > 0) {
                    ObjectNode answer = answers.putObject(id).put("choice", options.get(random.nextInt(options.size())));
                    if ("SPECIAL_CATEGORY".equals(q.path("demographic").asText())) {
                        answer.put("consent", true);
                    }
                }
            }
            default -> {
                // the seed survey has no other types
            }
        }
    }
}
