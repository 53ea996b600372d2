package org.chorus.survey.export;

import static io.restassured.RestAssured.given;
import static org.chorus.survey.SurveyFixtures.analyst;
import static org.chorus.survey.SurveyFixtures.minimal;
import static org.chorus.survey.SurveyFixtures.newOwner;
import static org.chorus.survey.SurveyFixtures.openSmallSurvey;
import static org.chorus.survey.SurveyFixtures.submit;
import static org.chorus.survey.SurveyFixtures.website;
import static org.chorus.survey.export.ExportFixtures.parse;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.commons.csv.CSVRecord;
import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.platform.testing.EventProbe;
import org.chorus.platform.testing.TestCallers;
import org.chorus.platform.time.StoredTime;
import org.chorus.platform.web.caller.Scopes;
import org.chorus.survey.SurveyFixtures.Owner;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class ExportResourceTest {

    static final List<String> COLUMNS = List.of("response_id", "survey_version", "submitted_at", "channel", "place",
            "language", "rank_rank_1", "rank_rank_2", "rank_rank_3", "issues_food", "issues_fuel", "issues_digital", "agree",
            "score", "comments", "age", "ethnicity");

    @Test
    void csvHasTheDocumentedColumnsAndTheAnswersAsExcelReadsThem() throws IOException {
        Owner owner = newOwner();
        String surveyId = openSmallSurvey(owner);
        String online = submit(website(), surveyId, Map.of("answers", Map.of(
                "rank", Map.of("ranking", List.of("living", "starting", "ageing")),
                "issues", Map.of("choices", List.of("food", "digital")),
                "comments", Map.of("text", "Buses, \"more\" of them\nand =SUM(A1) please"),
                "place", Map.of("choice", "blackpool"),
                "ethnicity", Map.of("choice", "asian", "consent", true))))[0];
        String phone = submit(owner.bearer(), surveyId, Map.of("channel", "PHONE", "enteredBy", "JB", "answers", Map.of(
                "rank", Map.of("ranking", List.of("ageing", "living", "starting")),
                "issues", Map.of("choices", List.of("fuel")),
                "score", Map.of("rating", 4),
                "comments", Map.of("text", "=HYPERLINK(\"http://evil\")"))))[0];

        byte[] bytes = export(surveyId, "csv", Map.of());
        assertArrayEquals(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, Arrays.copyOf(bytes, 3),
                "a UTF-8 byte order mark, so Excel reads UTF-8");
        List<CSVRecord> records = parse(bytes);
        assertEquals(COLUMNS, records.get(0).toList());
        assertEquals(3, records.size());

        Map<String, String> first = row(records, 1);
        assertEquals(online, first.get("response_id"));
        assertEquals("1", first.get("survey_version"));
        assertEquals("ONLINE", first.get("channel"));
        assertEquals("blackpool", first.get("place"));
        assertEquals("en", first.get("language"), "English, as the website did not say");
        assertEquals(List.of("Living well", "Starting well", "Ageing well"),
                List.of(first.get("rank_rank_1"), first.get("rank_rank_2"), first.get("rank_rank_3")));
        assertEquals(List.of("1", "0", "1"),
                List.of(first.get("issues_food"), first.get("issues_fuel"), first.get("issues_digital")));
        assertEquals("Buses, \"more\" of them\nand =SUM(A1) please", first.get("comments"));
        assertEquals("Asian", first.get("ethnicity"));
        assertEquals("", first.get("score"));

        Map<String, String> second = row(records, 2);
        assertEquals(phone, second.get("response_id"));
        assertEquals("PHONE", second.get("channel"));
        assertEquals("4", second.get("score"));
        assertEquals("'=HYPERLINK(\"http://evil\")", second.get("comments"), "a formula is never run by Excel");
    }

    @Test
    void filtersAndTheCursorSelectOnlyWhatIsAskedAndErasedResponsesAreGone() throws IOException {
        Owner owner = newOwner();
        String surveyId = openSmallSurvey(owner);
        String[] erased = submit(website(), surveyId, minimal());
        submit(website(), surveyId, minimal());
        Map<String, Object> phone = new java.util.HashMap<>(minimal());
        phone.put("channel", "PHONE");
        phone.put("enteredBy", "JB");
        submit(owner.bearer(), surveyId, phone);

        assertEquals(1, parse(export(surveyId, "csv", Map.of("channel", "PHONE"))).size() - 1);
        var first = given().header("Authorization", analyst()).queryParam("format", "csv")
                .when().get("/api/v1/surveys/" + surveyId + "/responses/export")
                .then().statusCode(200).extract();
        assertEquals(3, parse(first.asByteArray()).size() - 1);

        String later = submit(website(), surveyId, minimal())[0];
        given().header("Authorization", website()).header("Erasure-Token", erased[1])
                .when().delete("/api/v1/responses/" + erased[0]).then().statusCode(204);
        List<CSVRecord> resumed = parse(export(surveyId, "csv",
                Map.of("cursor", first.header(ExportResource.NEXT_CURSOR))));
        assertEquals(2, resumed.size(), "only the response submitted since the first export");
        assertEquals(later, resumed.get(1).get(0));
        List<CSVRecord> all = parse(export(surveyId, "csv", Map.of()));
        assertTrue(all.stream().noneMatch(r -> r.get(0).equals(erased[0])), "an erased response is not exported");
    }

    @Test
    void whateverRespondentsTypeComesOutAsTheyTypedItAndThePlaceFilterTakesAnyText() throws IOException {
        String surveyId = openSmallSurvey(newOwner());
        String typed = "Tab\tback\\slash \\N 'q' ŵ ŷ 🙂\r\nline";
        @SuppressWarnings("unchecked")
        Map<String, Object> answers = new java.util.HashMap<>((Map<String, Object>) minimal().get("answers"));
        answers.put("comments", Map.of("text", typed));
        answers.put("place", Map.of("choice", "blackpool"));
        String id = submit(website(), surveyId, Map.of("answers", answers))[0];
        submit(website(), surveyId, minimal());

        List<CSVRecord> rows = parse(export(surveyId, "csv", Map.of("place", "blackpool")));
        assertEquals(2, rows.size(), "the header and the one response from Blackpool");
        assertEquals(id, rows.get(1).get(0));
        assertEquals(typed, rows.get(1).get(COLUMNS.indexOf("comments")));
        assertEquals(1, parse(export(surveyId, "csv", Map.of("place", "o'hara'); --"))).size(),
                "a place nobody answered with, however it is written, selects nothing");
    }

    @Test
    void ndjsonAndXlsxCarryTheSameRowsAndEveryExportIsAudited() {
        String surveyId = openSmallSurvey(newOwner());
        submit(website(), surveyId, minimal());
        submit(website(), surveyId, minimal());

        String ndjson = new String(export(surveyId, "ndjson", Map.of()), StandardCharsets.UTF_8);
        assertEquals(2, ndjson.lines().count());
        assertTrue(ndjson.lines().allMatch(l -> l.startsWith("{\"response_id\":")));
        byte[] xlsx = export(surveyId, "xlsx", Map.of());
        assertEquals("PK", new String(xlsx, 0, 2, StandardCharsets.US_ASCII), "an Office Open XML (zip) workbook");

        String admin = TestCallers.bearer(UUID.randomUUID(), Scopes.DIRECTORY_MANAGE);
        given().header("Authorization", admin).queryParam("limit", 500).when().get("/api/v1/exports/audit")
                .then().statusCode(200)
                .body("items.findAll { it.surveyId == '" + surveyId + "' }.size()", equalTo(2))
                .body("items.find { it.surveyId == '" + surveyId + "' && it.format == 'NDJSON' }.rowCount", equalTo(2))
                .body("items.find { it.surveyId == '" + surveyId + "' && it.format == 'NDJSON' }.completed", equalTo(true));
        given().header("Authorization", analyst()).when().get("/api/v1/exports/audit").then().statusCode(403);
        // Each export also reaches the system's audit log, as it starts and with its row count when it ends.
        EventProbe.awaitAll(ChorusEventTypes.AUDIT_ENTRIES,
                e -> new String(e.data()).contains("\"responses.exported\"") && new String(e.data()).contains(surveyId),
                2, Duration.ofSeconds(10));
        var finished = EventProbe.awaitAll(ChorusEventTypes.AUDIT_ENTRIES,
                e -> new String(e.data()).contains("\"responses.export-finished\"")
                        && new String(e.data()).contains(surveyId), 2, Duration.ofSeconds(10));
        assertTrue(finished.stream().allMatch(e -> new String(e.data()).contains("\"rows\":\"2\"")
                && new String(e.data()).contains("\"completed\":\"true\"")));
        given().header("Authorization", analyst()).queryParam("format", "pdf")
                .when().get("/api/v1/surveys/" + surveyId + "/responses/export")
                .then().statusCode(400).body("errors[0].parameter", equalTo("format"));
    }

    /** Times Instant.toString writes in a form PostgreSQL does not read: year 0, a year before it, one after 9999. */
    @Test
    void timesAtTheEndsOfWhatPostgresqlHoldsSelectAsTheySay() throws IOException {
        String surveyId = openSmallSurvey(newOwner());
        submit(website(), surveyId, minimal());
        submit(website(), surveyId, minimal());

        assertEquals(3, parse(export(surveyId, "csv", Map.of("since", "0000-06-01T00:00:00Z"))).size());
        assertEquals(3, parse(export(surveyId, "csv", Map.of("since", "-0001-01-01T00:00:00Z"))).size());
        assertEquals(3, parse(export(surveyId, "csv", Map.of("until", "+10000-01-01T00:00:00Z"))).size());
        assertEquals(1, parse(export(surveyId, "csv", Map.of("until", "0000-06-01T00:00:00Z"))).size());
        assertEquals(1, parse(export(surveyId, "csv", Map.of("until", "-0001-01-01T00:00:00Z"))).size());
        assertEquals(3, parse(export(surveyId, "csv",
                Map.of("cursor", ExportCursor.encode(
                        new ExportCursor.Position(Instant.parse("-0001-01-01T00:00:00Z"), null))))).size());
    }

    /** A cursor from a replica whose clock runs ahead is later than this one's horizon: the next must not go back. */
    @Test
    void aCursorLaterThanTheHorizonIsNeverMovedBackwards() throws IOException {
        String surveyId = openSmallSurvey(newOwner());
        submit(website(), surveyId, minimal());
        Instant ahead = StoredTime.now().plus(Duration.ofMinutes(10));

        var answer = given().header("Authorization", analyst()).queryParam("format", "csv")
                .queryParam("cursor", ExportCursor.encode(new ExportCursor.Position(ahead, null)))
                .when().get("/api/v1/surveys/" + surveyId + "/responses/export")
                .then().statusCode(200).extract();
        assertEquals(1, parse(answer.asByteArray()).size(), "the header alone: nothing after the cursor yet");
        assertEquals(ahead, ExportCursor.decode(answer.header(ExportResource.NEXT_CURSOR)).upTo());
    }

    private static byte[] export(String surveyId, String format, Map<String, String> params) {
        return ExportFixtures.export(analyst(), surveyId, format, params);
    }

    private static Map<String, String> row(List<CSVRecord> records, int index) {
        Map<String, String> row = new java.util.HashMap<>();
        for (int i = 0; i < COLUMNS.size(); i++) {
            row.put(COLUMNS.get(i), records.get(index).get(i));
        }
        return row;
    }
}
