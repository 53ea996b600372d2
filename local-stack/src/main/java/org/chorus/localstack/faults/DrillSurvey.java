package org.chorus.localstack.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.chorus.localstack.SurveyDemoData;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A survey of its own for each drill, so that every count can be taken for exactly its responses: the partnership's
 * seed survey under a fresh title, answered with the seed's staff-entered sample responses (phone, paper, event).
 *
 * @param id the open survey's id
 * @param responses valid staff-entered responses to it, used in turn
 */
public record DrillSurvey(UUID id, List<JsonNode> responses) {

    /** The definition SurveyDemoData loads, beside it. */
    private static final String SEED = "seed-survey.json";

    /** Creates and opens the survey with a key holding surveys:manage. */
    public static DrillSurvey open(GatewayCaller staff, String title) {
        ObjectNode definition = seed();
        ArrayNode samples = (ArrayNode) definition.remove("sampleResponses");
        definition.putObject("title").put("en", title + " (" + UUID.randomUUID().toString().substring(0, 8) + ")");
        definition.put("closesAt", Instant.now().plus(30, ChronoUnit.DAYS).toString());
        HttpResponse<String> created = staff.post("/api/v1/surveys", definition, UUID.randomUUID().toString());
        UUID id = UUID.fromString(GatewayCaller.expect(created, 201).path("id").asText());
        String etag = created.headers().firstValue("ETag").orElseThrow();
        GatewayCaller.expect(staff.postIfMatch("/api/v1/surveys/" + id + "/publish", etag), 200);
        List<JsonNode> responses = new ArrayList<>();
        samples.forEach(responses::add);
        return new DrillSurvey(id, List.copyOf(responses));
    }

    /** The body of the n-th submission. */
    public JsonNode response(int n) {
        return responses.get(n % responses.size());
    }

    public String responsesPath() {
        return "/api/v1/surveys/" + id + "/responses";
    }

    public String resultsPath() {
        return "/api/v1/surveys/" + id + "/results";
    }

    private static ObjectNode seed() {
        try (InputStream in = SurveyDemoData.class.getResourceAsStream(SEED)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + SEED + " beside SurveyDemoData");
            }
            return (ObjectNode) GatewayCaller.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
