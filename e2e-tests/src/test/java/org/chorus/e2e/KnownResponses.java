package org.chorus.e2e;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A known data set for the seed survey with every question type: a few staff-entered responses in English and Welsh,
 * answering different questions, with text that CSV and SPSS must both get right.
 */
final class KnownResponses {

    /** The free-text question the known responses answer, which the data package test codes. */
    static final String FREE_TEXT = "other-feedback";

    private KnownResponses() {
    }

    /** One response as staff entered it. */
    record Given(String language, Map<String, Object> answers) {

        Map<String, Object> body() {
            return Map.of("channel", "PHONE", "enteredBy", "e2e", "language", language, "answers", answers);
        }
    }

    static List<Given> all() {
        List<String> order = List.of("living-prevention", "starting-first-1000-days", "ageing-care-at-home",
                "living-employment", "dying-preferred-place", "living-large-organisations");
        List<String> reversed = new ArrayList<>(order);
        Collections.reverse(reversed);
        return List.of(
                new Given("en", Map.of("priorities", Map.of("ranking", order),
                        "issues-prevention", Map.of("choices", List.of("mental-wellbeing", "fuel-poverty")),
                        "other-feedback", Map.of("text", "Buses, \"more\" of them\nplease; it's 'urgent'"),
                        "place", Map.of("choice", "blackpool"), "living-or-working", Map.of("choice", "live"),
                        "age-band", Map.of("choice", "65-plus"),
                        "disability", Map.of("choice", "yes", "consent", true), "how-easy", Map.of("rating", 5))),
                new Given("cy", Map.of("priorities", Map.of("ranking", reversed),
                        "issues-starting-well", Map.of("choices", List.of("food-poverty")),
                        "other-feedback", Map.of("text", "Diolch yn fawr – ŵ ŷ"),
                        "place", Map.of("choice", "lancashire"), "how-easy", Map.of("rating", 2))),
                new Given("en", Map.of("priorities", Map.of("ranking", order))),
                new Given("cy", Map.of("priorities", Map.of("ranking", reversed),
                        "living-or-working", Map.of("choice", "both"), "age-band", Map.of("choice", "18-34"),
                        "issues-prevention", Map.of("choices", List.of()))),
                new Given("en", Map.of("priorities", Map.of("ranking", order),
                        "issues-dying-well", Map.of("choices", List.of("preferred-place", "family-support",
                                "from-diagnosis")),
                        "disability", Map.of("choice", "no", "consent", true), "how-easy", Map.of("rating", 3))));
    }

    /** The survey with some of it in Welsh: the title, two questions and two options; the rest stays English. */
    static ObjectNode partlyWelsh(ObjectNode definition) {
        ((ObjectNode) definition.path("title")).put("cy", "Arolwg pecyn data");
        for (JsonNode section : definition.path("sections")) {
            for (JsonNode question : section.path("questions")) {
                switch (question.path("id").asText()) {
                    case "priorities" -> {
                        ((ObjectNode) question.path("text")).put("cy", "Rhowch y chwe blaenoriaeth yn eu trefn");
                        welshOption(question, "living-prevention", "Byw'n dda: atal salwch");
                    }
                    case "living-or-working" -> {
                        ((ObjectNode) question.path("text")).put("cy", "Ydych chi'n byw neu'n gweithio yma?");
                        welshOption(question, "live", "Rwy'n byw yma");
                    }
                    default -> {
                        // stays English
                    }
                }
            }
        }
        return definition;
    }

    private static void welshOption(JsonNode question, String optionId, String welsh) {
        for (JsonNode option : question.path("options")) {
            if (option.path("id").asText().equals(optionId)) {
                ((ObjectNode) option.path("label")).put("cy", welsh);
            }
        }
    }
}
