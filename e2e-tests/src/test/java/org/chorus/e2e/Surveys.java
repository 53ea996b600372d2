package org.chorus.e2e;

import static org.chorus.e2e.SystemUnderTest.as;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Survey steps the tests share: the partnership's seed survey as `./chorus demo` loads it, created and opened. */
final class Surveys {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The definition SurveyDemoData loads, beside it in local-stack. */
    private static final String SEED = "/org/chorus/localstack/seed-survey.json";

    private Surveys() {
    }

    /**
     * The draft-priorities survey under another title, with a rating question added to its feedback section so that
     * it asks every type of question there is. Its staff-entered sample responses are left out.
     */
    static ObjectNode seedWithEveryQuestionType(String title) throws IOException {
        ObjectNode seed = seed();
        seed.remove("sampleResponses");
        seed.putObject("title").put("en", title);
        ObjectNode rating = JSON.createObjectNode().put("id", "how-easy").put("type", "RATING")
                .put("scaleMin", 1).put("scaleMax", 5);
        rating.putObject("text").put("en", "How easy was this survey to answer?");
        for (JsonNode section : seed.path("sections")) {
            if (section.path("id").asText().equals("feedback")) {
                ((ArrayNode) section.path("questions")).add(rating);
                return seed;
            }
        }
        throw new IllegalStateException("The seed survey has no feedback section any more");
    }

    /** The answers of the seed's first sample response: a valid response to it, as a website would send them. */
    static ObjectNode sampleAnswers() throws IOException {
        return (ObjectNode) seed().path("sampleResponses").path(0).path("answers");
    }

    private static ObjectNode seed() throws IOException {
        try (InputStream in = Surveys.class.getResourceAsStream(SEED)) {
            if (in == null) {
                throw new IOException("Missing resource " + SEED);
            }
            return (ObjectNode) JSON.readTree(in);
        }
    }

    /** Creates the survey with a surveys:manage key and publishes it; returns its id. */
    static String createAndOpen(String manageKey, ObjectNode definition) {
        Response created = as(manageKey).contentType(ContentType.JSON).body(definition.toString())
                .when().post("/api/v1/surveys")
                .then().statusCode(201).extract().response();
        String id = created.path("id");
        as(manageKey).header("If-Match", created.header("ETag"))
                .when().post("/api/v1/surveys/" + id + "/publish")
                .then().statusCode(200);
        return id;
    }
}
