package org.chorus.survey.export;

import static io.restassured.RestAssured.given;
import static org.chorus.survey.SurveyFixtures.withComment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVRecord;
import org.chorus.platform.events.ChorusEvent;
import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.platform.testing.EventProbe;
import org.chorus.platform.testing.TestCallers;
import org.chorus.platform.web.caller.Scopes;
import org.chorus.survey.SurveyFixtures;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/**
 * Codes reach analysts two ways: as 0/1 columns after the coded question in every export, which the data package
 * describes, and as events that carry the codes and their insight themes but never the text. An erased response's
 * coded columns go with it.
 */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class CodedExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CODE = "/api/v1/responses/{responseId}/coding";
    private static final List<String> CODED_COLUMNS = List.of("comments__code__access",
            "comments__code__access-waiting", "comments__code__staff", "comments__cannot_be_coded");

    @Inject
    DataSource dataSource;

    private final UUID organisation = UUID.randomUUID();
    private final String coder = TestCallers.bearer(organisation, Scopes.CODING_WRITE, Scopes.CODING_MANAGE);
    private final String analyst = TestCallers.bearer(organisation, Scopes.EXPORTS_READ);

    @Test
    void exportsCarryEachCategoryAsA01ColumnAndCodingsAreEventsWithoutText() throws IOException, SQLException {
        String frameId = given().header("Authorization", coder).contentType(ContentType.JSON).body(Map.of(
                "name", "Access and staff", "categories", List.of(
                        Map.of("code", "access", "label", "Access", "insightTheme", "access-to-care",
                                "minors", List.of(Map.of("code", "access-waiting", "label", "Waiting times"))),
                        Map.of("code", "staff", "label", "Staff attitudes", "insightTheme", "staff-attitudes"))))
                .when().post("/api/v1/coding-frames").then().statusCode(201).extract().path("id");
        String surveyId = SurveyFixtures.openSmallSurvey(SurveyFixtures.newOwner());
        List<String[]> responses = new ArrayList<>();
        for (String text : List.of("The wait was long", "asdf", "Nobody coded this yet", "Rude at reception")) {
            responses.add(SurveyFixtures.submit(SurveyFixtures.website(), surveyId, withComment(text)));
        }
        String waited = responses.get(0)[0];
        code(waited, Map.of("frameId", frameId, "categories", List.of("access-waiting"), "sentiment", "NEGATIVE"));
        code(responses.get(1)[0], Map.of("frameId", frameId, "cannotBeCoded", true));
        code(responses.get(3)[0], Map.of("frameId", frameId, "categories", List.of("staff")));
        given().header("Authorization", SurveyFixtures.website()).header("Erasure-Token", responses.get(3)[1])
                .when().delete("/api/v1/responses/{id}", responses.get(3)[0]).then().statusCode(204);

        assertEquals(List.of(true, true, false), List.of(codingDone(waited), codingDone(responses.get(1)[0]),
                codingDone(responses.get(2)[0])), "coded responses leave the coder's waiting list (its partial index)");

        ChorusEvent coded = EventProbe.await(ChorusEventTypes.SURVEY_RESPONSES,
                e -> e.type().equals(ChorusEventTypes.ANSWER_CODED.type()) && new String(e.data(), StandardCharsets.UTF_8).contains(waited), Duration.ofSeconds(10));
        JsonNode data = JSON.readTree(coded.data());
        assertEquals(waited, data.path("responseId").asText());
        assertEquals(surveyId, data.path("surveyId").asText());
        assertEquals("comments", data.path("questionId").asText());
        assertEquals("FIRST", data.path("pass").asText());
        assertEquals(frameId, data.path("frameId").asText());
        assertEquals(1, data.path("frameVersion").asInt());
        assertEquals(List.of("access-waiting"), strings(data.path("categories")));
        assertEquals(List.of("access-to-care"), strings(data.path("insightThemes")), "a minor takes its major's theme");
        assertEquals("NEGATIVE", data.path("sentiment").asText());
        assertFalse(data.path("cannotBeCoded").asBoolean());
        assertEquals(1, data.path("version").asLong());
        assertFalse(new String(coded.data(), StandardCharsets.UTF_8).contains("wait was long"), "no text");

        List<CSVRecord> csv = ExportFixtures.parse(ExportFixtures.export(analyst, surveyId, "csv", Map.of()));
        List<String> header = csv.get(0).toList();
        int comments = header.indexOf("comments");
        assertEquals(CODED_COLUMNS, header.subList(comments + 1, comments + 5), "right after the coded question");
        Map<String, List<String>> byResponse = new HashMap<>();
        csv.subList(1, csv.size()).forEach(r -> byResponse.put(r.get(0), r.toList().subList(comments + 1,
                comments + 5)));
        assertEquals(Map.of(waited, List.of("0", "1", "0", "0"), responses.get(1)[0], List.of("0", "0", "0", "1"),
                responses.get(2)[0], List.of("", "", "", "")), byResponse, "the erased response is gone");

        Map<String, JsonNode> fields = dataPackageFields(surveyId);
        JsonNode waiting = fields.get("comments__code__access-waiting");
        assertEquals("integer", waiting.path("type").asText());
        assertEquals(List.of("0", "1"), strings(waiting.path("constraints").path("enum")));
        assertTrue(waiting.path("title").asText().endsWith(": Waiting times"), waiting.path("title").asText());
        assertTrue(waiting.path("description").asText().contains("frame \"Access and staff\" (" + frameId
                + ") version 1"), waiting.path("description").asText());
        assertEquals("coded as Waiting times", waiting.path("categories").path(1).path("label").asText());
        assertEquals("not coded as Waiting times", waiting.path("categories").path(0).path("label").asText());
        assertEquals("cannot be coded", fields.get("comments__cannot_be_coded").path("categories").path(1)
                .path("label").asText());
    }

    @Test
    void aSurveyWithNothingCodedHasNoCodedColumns() throws IOException {
        String surveyId = SurveyFixtures.openSmallSurvey(SurveyFixtures.newOwner());
        SurveyFixtures.submit(SurveyFixtures.website(), surveyId, withComment("Not coded"));
        assertTrue(dataPackageFields(surveyId).keySet().stream().noneMatch(f -> f.contains("__")));
    }

    private Map<String, JsonNode> dataPackageFields(String surveyId) throws IOException {
        byte[] descriptor = ExportFixtures.unzip(ExportFixtures.export(analyst, surveyId, "datapackage", Map.of()))
                .get("datapackage.json");
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        JSON.readTree(descriptor).path("resources").path(0).path("schema").path("fields")
                .forEach(f -> fields.put(f.path("name").asText(), f));
        return fields;
    }

    private boolean codingDone(String responseId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT coding_done FROM response WHERE id = ?")) {
            select.setObject(1, UUID.fromString(responseId));
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private void code(String responseId, Map<String, Object> body) {
        given().header("Authorization", coder).header("If-Match", "\"0\"").contentType(ContentType.JSON).body(body)
                .queryParam("questionId", "comments").when().put(CODE, responseId).then().statusCode(200);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
