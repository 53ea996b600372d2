package org.chorus.survey.export;

import static io.restassured.RestAssured.given;
import static org.chorus.survey.SurveyFixtures.analyst;
import static org.chorus.survey.SurveyFixtures.minimal;
import static org.chorus.survey.SurveyFixtures.newOwner;
import static org.chorus.survey.SurveyFixtures.openSmallSurvey;
import static org.chorus.survey.SurveyFixtures.submit;
import static org.chorus.survey.SurveyFixtures.website;
import static org.chorus.survey.export.ExportFixtures.EXPORT;
import static org.chorus.survey.export.ExportFixtures.row;
import static org.chorus.survey.export.ExportFixtures.unzip;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.survey.SurveyFixtures.Owner;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Exports that explain themselves: the data package, answers as codes, and the language of each response. */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class DataPackageExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aDataPackageHoldsTheCsvWithCodesAndSaysWhatEveryColumnIs() throws IOException {
        Owner owner = newOwner();
        String surveyId = openSmallSurvey(owner);
        String welsh = submit(website(), surveyId, Map.of("language", "cy", "answers", Map.of(
                "rank", Map.of("ranking", List.of("living", "starting", "ageing")),
                "issues", Map.of("choices", List.of("food", "digital")), "agree", Map.of("choice", "yes"),
                "score", Map.of("rating", 4), "comments", Map.of("text", "Two\r\nlines, \"quoted\""),
                "place", Map.of("choice", "blackpool"), "age", Map.of("choice", "65-plus"))))[0];
        submit(owner.bearer(), surveyId, Map.of("channel", "PHONE", "enteredBy", "JB", "answers",
                minimal().get("answers")));

        var response = given().header("Authorization", analyst()).queryParam("format", "datapackage")
                .queryParam("lang", "cy").when().get(EXPORT, surveyId).then().statusCode(200)
                .contentType("application/zip").extract();
        Map<String, byte[]> files = unzip(response.asByteArray());
        assertEquals(List.of("responses.csv", "datapackage.json", "survey.sps", "README.txt"),
                new ArrayList<>(files.keySet()));

        String csv = new String(files.get("responses.csv"), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("response_id,"), "no byte order mark: statistics packages are told the encoding");
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords();
        assertEquals(3, records.size(), "the header and both responses, each on one line");
        assertEquals(3, csv.lines().count());
        Map<String, String> first = row(records, 1);
        assertEquals(welsh, first.get("response_id"));
        assertEquals("cy", first.get("language"));
        assertEquals(List.of("2", "1", "3"), List.of(first.get("rank_starting"), first.get("rank_living"),
                first.get("rank_ageing")), "each item's rank");
        assertEquals(List.of("1", "0", "1"), List.of(first.get("issues_food"), first.get("issues_fuel"),
                first.get("issues_digital")));
        assertEquals("yes", first.get("agree"));
        assertEquals("65-plus", first.get("age"));
        assertEquals("Two lines, \"quoted\"", first.get("comments"));
        assertEquals("en", row(records, 2).get("language"));

        JsonNode descriptor = JSON.readTree(files.get("datapackage.json"));
        assertEquals(DataPackageDescriptor.PACKAGE_PROFILE, descriptor.path("$schema").asText());
        assertEquals(1, descriptor.path("surveyVersion").asInt());
        assertEquals(2, descriptor.path("export").path("rows").asInt());
        assertEquals(response.header(ExportResource.NEXT_CURSOR), descriptor.path("export").path("nextCursor").asText());
        assertTrue(descriptor.path("export").path("filters").has("to"));
        assertEquals(5, descriptor.path("suppression").path("threshold").asInt());
        JsonNode resource = descriptor.path("resources").path(0);
        assertEquals("responses.csv", resource.path("path").asText());
        JsonNode schema = resource.path("schema");
        assertEquals("[\"response_id\"]", schema.path("primaryKey").toString());
        assertEquals("[\"\"]", schema.path("missingValues").toString());
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        schema.path("fields").forEach(f -> fields.put(f.path("name").asText(), f));
        assertEquals(records.get(0).toList(), new ArrayList<>(fields.keySet()), "a field for every column, in order");

        JsonNode living = fields.get("rank_living");
        assertEquals("integer", living.path("type").asText());
        assertEquals("Rhowch y blaenoriaethau yn eu trefn: Living well", living.path("title").asText(),
                "in Welsh as asked, English where not translated");
        assertEquals("Rank the priorities: Living well", living.path("titles").path("en").asText());
        assertEquals("ordinal", living.path("measurementLevel").asText());
        JsonNode agree = fields.get("agree");
        assertEquals("string", agree.path("type").asText());
        assertEquals("[\"yes\",\"no\"]", agree.path("constraints").path("enum").toString());
        assertEquals("Yes", agree.path("categories").path(0).path("label").asText());
        assertEquals("[0,1]", fields.get("issues_food").path("constraints").path("enum").toString());
        assertEquals("datetime", fields.get("submitted_at").path("type").asText());
        assertEquals("PHONE", fields.get("channel").path("categories").path(1).path("value").asText());

        String sps = new String(files.get("survey.sps"), StandardCharsets.UTF_8);
        assertTrue(sps.contains("/FILE='responses.csv'"), sps);
        assertTrue(sps.contains("  /agree\n    'yes' 'Yes'\n    'no' 'No'\n"), sps);
        assertTrue(sps.contains("  /rank_living 'Rhowch y blaenoriaethau yn eu trefn: Living well'\n"), sps);
        String readme = new String(files.get("README.txt"), StandardCharsets.UTF_8);
        assertTrue(readme.startsWith("Ein blaenoriaethau drafft\n"), readme);
        assertTrue(readme.contains("Mae'r pecyn data hwn yn cynnwys yr ymatebion i arolwg " + surveyId
                + ", fersiwn 1: 2 o ymatebion."), readme);
    }

    @Test
    void csvAndXlsxWithCodesHoldOptionIdsAndEachItemsRankWhileLabelsStayTheDefault() throws Exception {
        String surveyId = openSmallSurvey(newOwner());
        Map<String, Object> answers = new HashMap<>(castMap(minimal().get("answers")));
        answers.put("agree", Map.of("choice", "no"));
        submit(website(), surveyId, Map.of("answers", answers));

        Map<String, String> codes = row(ExportFixtures.parse(ExportFixtures.export(analyst(), surveyId, "csv",
                Map.of("values", "codes"))), 1);
        assertEquals("no", codes.get("agree"));
        assertEquals(List.of("2", "1", "3"), List.of(codes.get("rank_starting"), codes.get("rank_living"),
                codes.get("rank_ageing")));
        Map<String, String> labels = row(ExportFixtures.parse(ExportFixtures.export(analyst(), surveyId, "csv",
                Map.of())), 1);
        assertEquals("No", labels.get("agree"));
        assertEquals("Living well", labels.get("rank_rank_1"));
        List<List<String>> sheet = SheetReader.rows(ExportFixtures.export(analyst(), surveyId, "xlsx",
                Map.of("values", "codes")));
        Map<String, String> xlsx = new HashMap<>();
        for (int i = 0; i < sheet.get(0).size(); i++) {
            xlsx.put(SheetReader.cell(sheet.get(0), i), SheetReader.cell(sheet.get(1), i));
        }
        assertEquals("no", xlsx.get("agree"));
        assertEquals("1", xlsx.get("rank_living"));
    }

    @Test
    void badExportParametersAreA400NamingTheParameter() {
        String surveyId = openSmallSurvey(newOwner());
        badParameter(surveyId, Map.of("values", "words"), "values", "must be labels or codes");
        badParameter(surveyId, Map.of("format", "datapackage", "values", "labels"), "values", "must be codes");
        badParameter(surveyId, Map.of("format", "datapackage", "lang", "fr"), "lang", "en, cy");
        badParameter(surveyId, Map.of("format", "sav"), "format", "datapackage");
    }

    @Test
    void aResponseIsGivenInALanguageTheSurveyIsWrittenIn() {
        String surveyId = openSmallSurvey(newOwner());
        given().header("Authorization", website()).contentType(ContentType.JSON)
                .body(Map.of("language", "fr", "answers", minimal().get("answers")))
                .when().post("/api/v1/surveys/" + surveyId + "/responses")
                .then().statusCode(422).body("errors[0].pointer", equalTo("/language"))
                .body("errors[0].detail", containsString("unknown-language: the survey is written in en, cy"));
        given().header("Authorization", website()).contentType(ContentType.JSON)
                .body(Map.of("language", "Welsh please", "answers", minimal().get("answers")))
                .when().post("/api/v1/surveys/" + surveyId + "/responses")
                .then().statusCode(422).body("errors[0].pointer", equalTo("/language"));
    }

    private static void badParameter(String surveyId, Map<String, String> params, String parameter, String detail) {
        given().header("Authorization", analyst()).queryParams(params).when().get(EXPORT, surveyId)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].parameter", equalTo(parameter))
                .body("errors[0].detail", containsString(detail));
    }


    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object map) {
        return (Map<String, Object>) map;
    }
}
