package org.chorus.insight.upload;

import static io.restassured.RestAssured.given;
import static org.chorus.insight.support.InsightFixtures.organisation;
import static org.chorus.insight.support.InsightFixtures.unique;
import static org.chorus.insight.support.InsightFixtures.writer;
import static org.chorus.insight.upload.UploadResourceTest.HEADER;
import static org.chorus.insight.upload.UploadResourceTest.csv;
import static org.chorus.insight.upload.UploadResourceTest.row;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * The report a Healthwatch downloads after an upload: its own rows with a status and reasons beside each, which it
 * fixes in place and uploads again. Read back by other programs' readers (Commons CSV, fastexcel-reader), not ours.
 */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class UploadReportFileTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    UploadWorker worker;

    @Inject
    UploadFileRepository keptFiles;

    @Test
    void aRejectedRowFixedInTheDownloadedReportIsAcceptedWhenTheReportIsUploadedAgain() throws IOException {
        String place = unique("blackpool");
        UUID org = organisation("Healthwatch Blackpool", true, place);
        String good = row("HWR-1", "Café conversations, Blackpool", "Focus group", "14/03/2019", "", place, "12",
                "young carers", "Waits for \"urgent\" referrals", "waiting-times", "Concern", "8",
                "I waited months.\nNobody rang back.");
        String bad = row("HWR-2", "Drop-in", "Focus grop", "2019-04-01", "", place, "30", "", "", "", "", "", "");
        String file = HEADER + "\r\n" + good + "\r\n,,,,,,,,,,,,\r\n" + bad + "\r\n";
        String uploadId = upload(org, file).statusCode(201).body("rows.status", contains("ACCEPTED", "REJECTED"))
                .extract().path("id");

        String report = text(given().header("Authorization", writer(org)).when().get("/api/v1/uploads/" + uploadId + "/report")
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", equalTo("attachment; filename=\"upload-" + uploadId + "-report.csv\""))
                .extract().asByteArray());
        assertTrue(report.startsWith("\uFEFF"), "a byte order mark, so that Excel reads the accents as UTF-8");
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(report.substring(1))).getRecords();
        List<String> header = new ArrayList<>(List.of(HEADER.split(",")));
        header.addAll(List.of("Chorus status", "Chorus reasons"));
        assertEquals(header, records.get(0).toList());
        assertEquals(3, records.size(), "the header and the two rows that were not blank");
        assertEquals(cells("HWR-1", "Café conversations, Blackpool", "Focus group", "14/03/2019", "", place, "12",
                "young carers", "Waits for \"urgent\" referrals", "waiting-times", "Concern", "8",
                "I waited months.\nNobody rang back.", "ACCEPTED", ""), records.get(1).toList(),
                "the row as the person wrote it: their date format, their quotes, their line breaks");
        assertEquals("REJECTED", records.get(2).get(13));
        assertTrue(records.get(2).get(14).startsWith("method: unknown method 'Focus grop'; did you mean Focus group?"),
                records.get(2).get(14));

        String fixed = report.substring(1).replace("Focus grop", "Focus group");
        upload(org, fixed).statusCode(201).body("rows.status", contains("UNCHANGED", "ACCEPTED"))
                .body("rows[1].reference", equalTo("HWR-2"));
    }

    @Test
    void aWorkbooksReportIsAWorkbookOfItsRowsThatUploadsAgainAsItIs() throws IOException {
        String place = unique("cumbria");
        UUID org = organisation("Healthwatch Cumbria", true, place);
        byte[] workbook = XlsxRowsTest.workbook("Findings", sheet -> {
            String[] header = { "Reference", "Title", "Method", "Start date", "Place codes", "Participant count" };
            Object[][] rows = { { "HWC-1", "Carlisle drop-in", "Focus group", "2019-06-01", place, 9 },
                    { "HWC-2", "Penrith stall", "Stall", "2019-06-02", place, 4 } };
            for (int c = 0; c < header.length; c++) {
                sheet.value(0, c, header[c]);
                for (int r = 0; r < rows.length; r++) {
                    if (rows[r][c] instanceof Integer number) {
                        sheet.value(r + 1, c, number);
                    } else {
                        sheet.value(r + 1, c, (String) rows[r][c]);
                    }
                }
            }
        });
        String uploadId = given().header("Authorization", writer(org)).contentType(XLSX).body(workbook)
                .when().post("/api/v1/uploads").then().statusCode(201)
                .body("rows.status", contains("ACCEPTED", "REJECTED")).extract().path("id");

        byte[] report = given().header("Authorization", writer(org)).queryParam("format", "xlsx")
                .when().get("/api/v1/uploads/" + uploadId + "/report")
                .then().statusCode(200).contentType(XLSX).extract().asByteArray();
        List<List<String>> sheet = sheet(report);
        assertEquals(List.of("Reference", "Title", "Method", "Start date", "Place codes", "Participant count",
                "Chorus status", "Chorus reasons"), sheet.get(0));
        assertEquals(List.of("HWC-1", "Carlisle drop-in", "Focus group", "2019-06-01", place, "9", "ACCEPTED"),
                sheet.get(1).subList(0, 7));
        assertEquals("REJECTED", sheet.get(2).get(6));
        assertTrue(sheet.get(2).get(7).startsWith("method: unknown method 'Stall'"), sheet.get(2).get(7));

        given().header("Authorization", writer(org)).contentType(XLSX).body(report).when().post("/api/v1/uploads")
                .then().statusCode(201).body("rows.status", contains("UNCHANGED", "REJECTED"));
    }

    @Test
    void aSheetOfTenThousandRowsRunsAsAJobAndItsReportGivesBackEveryRow() throws IOException {
        String place = unique("lancaster");
        UUID org = organisation("Healthwatch Lancaster", true, place);
        int rows = 10_000;
        byte[] workbook = XlsxRowsTest.workbook("Activities", sheet -> {
            String[] header = { "Reference", "Title", "Method", "Start date", "Place codes", "Participant count" };
            for (int c = 0; c < header.length; c++) {
                sheet.value(0, c, header[c]);
            }
            for (int r = 1; r <= rows; r++) {
                sheet.value(r, 0, "HWX-" + r);
                sheet.value(r, 1, "Outreach " + r);
                sheet.value(r, 2, r == rows ? "Seance" : "Outreach with specific groups");
                sheet.value(r, 3, "2019-01-01");
                sheet.value(r, 4, place);
                sheet.value(r, 5, r % 50);
            }
        });
        String location = given().header("Authorization", writer(org)).contentType(XLSX).body(workbook)
                .when().post("/api/v1/uploads").then().statusCode(202).body("totalRows", equalTo(rows))
                .extract().header("Location");
        await("the job done").atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(500))
                .until(() -> given().header("Authorization", writer(org)).when().get(location)
                        .then().statusCode(200).extract().path("status"), equalTo("DONE"));
        given().header("Authorization", writer(org)).when().get(location)
                .then().body("acceptedRows", equalTo(rows - 1)).body("rejectedRows", equalTo(1));

        List<List<String>> report = sheet(given().header("Authorization", writer(org)).queryParam("format", "xlsx")
                .when().get(location + "/report").then().statusCode(200).extract().asByteArray());
        assertEquals(rows + 1, report.size(), "the header and every row");
        assertEquals(rows - 1, report.stream().filter(r -> r.size() > 6 && r.get(6).equals("ACCEPTED")).count());
        assertEquals(List.of("HWX-" + rows, "REJECTED"), List.of(report.get(rows).get(0), report.get(rows).get(6)));
    }

    @Test
    void theReportIsTheUploadingOrganisationsAndItsFileIsForgottenInTime() {
        String place = unique("lancashire");
        UUID org = organisation("Healthwatch Lancashire", true, place);
        UUID other = organisation("Healthwatch Blackburn with Darwen", true, unique("blackburn"));
        String uploadId = upload(org, csv(row("HWL-1", "Preston drop-in", "Workshop", "2019-05-02", "", place, "11",
                "", "", "", "", "", ""))).statusCode(201).extract().path("id");
        String path = "/api/v1/uploads/" + uploadId + "/report";

        given().header("Authorization", writer(other)).when().get(path)
                .then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", writer(org)).queryParam("format", "pdf").when().get(path)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].parameter", equalTo("format")).body("errors[0].detail", equalTo("must be csv or xlsx"));

        QuarkusTransaction.requiringNew().run(() -> keptFiles.findById(UUID.fromString(uploadId)).keptUntil =
                Instant.now().minusSeconds(1));
        worker.forgetExpiredFiles();
        given().header("Authorization", writer(org)).when().get(path)
                .then().statusCode(410).contentType("application/problem+json")
                .body("type", endsWith("upload-file-not-kept"));
        given().header("Authorization", writer(org)).when().get("/api/v1/uploads/" + uploadId)
                .then().statusCode(200).body("rows.status", contains("ACCEPTED"));
    }

    @Test
    void aJsonUploadsReportListsItsActivitiesByPositionAndReference() throws IOException {
        String place = unique("cumbria");
        UUID org = organisation("Healthwatch Cumbria", true, place);
        String json = "{\"activities\": [{\"reference\": \"HWJ-1\", \"title\": \"Survey stall\", \"method\": "
                + "\"FOCUS_GROUP\", \"startDate\": \"2019-06-01\", \"placeCodes\": [\"" + place + "\"], \"participantCount\": 5}, "
                + "{\"reference\": \"HWJ-2\", \"title\": \"Stall\", \"method\": \"STALL\", \"startDate\": "
                + "\"2019-06-01\", \"placeCodes\": [\"" + place + "\"]}]}";
        String uploadId = given().header("Authorization", writer(org)).contentType("application/json").body(json)
                .when().post("/api/v1/uploads").then().statusCode(201).extract().path("id");
        String report = text(given().header("Authorization", writer(org)).when().get("/api/v1/uploads/" + uploadId + "/report")
                .then().statusCode(200).extract().asByteArray());
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(report.substring(1))).getRecords();
        assertEquals(List.of("activity", "reference", "Chorus status", "Chorus reasons"), records.get(0).toList());
        assertEquals(List.of("1", "HWJ-1", "ACCEPTED", ""), records.get(1).toList());
        assertEquals(List.of("2", "HWJ-2", "REJECTED"), records.get(2).toList().subList(0, 3));
    }

    private static ValidatableResponse upload(UUID org, String body) {
        return given().header("Authorization", writer(org)).contentType("text/csv")
                .body(body.getBytes(StandardCharsets.UTF_8)).when().post("/api/v1/uploads").then();
    }

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }

    private static List<String> cells(String... cells) {
        return List.of(cells);
    }

    private static List<List<String>> sheet(byte[] workbook) throws IOException {
        try (ReadableWorkbook read = new ReadableWorkbook(new ByteArrayInputStream(workbook));
                Stream<Row> rows = read.getFirstSheet().openStream()) {
            return rows.map(row -> row.stream().map(c -> c == null ? "" : c.getText()).toList()).toList();
        }
    }

    private static org.hamcrest.Matcher<String> startsWith(String prefix) {
        return org.hamcrest.Matchers.startsWith(prefix);
    }
}
