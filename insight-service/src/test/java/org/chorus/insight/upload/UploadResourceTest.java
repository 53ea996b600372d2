package org.chorus.insight.upload;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.chorus.insight.support.InsightFixtures.organisation;
import static org.chorus.insight.support.InsightFixtures.post;
import static org.chorus.insight.support.InsightFixtures.reader;
import static org.chorus.insight.support.InsightFixtures.unique;
import static org.chorus.insight.support.InsightFixtures.writer;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.platform.testing.EventProbe;
import org.chorus.platform.web.problem.Problem;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class UploadResourceTest {

    static final String HEADER = "reference,title,method,start_date,end_date,place_codes,participant_count,"
            + "groups_reached,finding_statement,finding_themes,finding_sentiment,finding_participant_count,finding_quotes";

    @Test
    void goodRowsAreKeptAndEveryBadRowIsReportedWithItsReasons() {
        String place = unique("blackpool");
        UUID org = organisation("Healthwatch Blackpool", true, place);
        String csv = csv(
                row("R1", "Focus group", "Focus group", "2019-03-14", "", place, "12", "young carers",
                        "Long waits for referrals", "waiting-times", "Concern", "8", "I waited months."),
                row("R2", "Cards", "Seance", "2019-03-14", "", place, "5", "", "", "", "", "", ""),
                row("R3", "Workshop", "Workshop", "31/02/2019", "", place, "5", "", "", "", "", "", ""),
                row("R4", "Event", "Public engagement event", "2019-04-01", "", place, "12.5", "", "", "", "", "", ""),
                row("R5", "Outreach", "Outreach with specific groups", "2019-04-01", "", "atlantis", "5", "", "", "",
                        "", "", ""),
                row("", "No reference", "Workshop", "2019-04-01", "", place, "5", "", "", "", "", "", ""),
                row("R6", "Backwards", "Workshop", "2019-04-02", "2019-04-01", place, "5", "", "", "", "", "", ""),
                row("R1", "", "", "", "", "", "", "", "Young carers want apps", "digital-health", "Positive", "3", ""),
                row("R7", "Bad finding", "Workshop", "2019-04-01", "", place, "5", "", "Statement", "queue-jumping",
                        "Concern", "9", "Call me on 07700 900123"),
                row("R8", "Comment cards", "comment-cards", "01/05/2019", "", place, "40", "", "", "", "", "", ""));

        ValidatableResponse report = upload(org, "text/csv", csv, null).statusCode(201)
                .body("status", equalTo("DONE"))
                .body("totalRows", equalTo(9)).body("acceptedRows", equalTo(2)).body("rejectedRows", equalTo(7))
                .body("rows.status", contains("ACCEPTED", "REJECTED", "REJECTED", "REJECTED", "REJECTED", "REJECTED",
                        "REJECTED", "REJECTED", "ACCEPTED"))
                .body("rows.row", contains(2, 3, 4, 5, 6, 7, 8, 10, 11))
                .body("rows[0].rows", contains(2, 9))
                .body("rows[0].findingIds", hasSize(2));
        report.body("rows[1].reasons[0]", containsString("method: unknown method 'Seance'"))
                .body("rows[2].reasons[0]", containsString("start_date: bad date '31/02/2019'"))
                .body("rows[3].reasons[0]", containsString("participant_count: '12.5' is not a whole number"))
                .body("rows[4].reasons[0]", containsString("place_codes: unknown place 'atlantis'"))
                .body("rows[5].reasons[0]", containsString("reference: is required"))
                .body("rows[6].reasons[0]", containsString("end_date: must not be before the start date"))
                .body("rows[7].reasons", contains(containsString("finding 1 finding_themes: unknown theme 'queue-jumping'"),
                        containsString("finding 1 finding_participant_count: must be at most the activity's 5"),
                        containsString("finding 1 finding_quotes: must be anonymous")));

        given().header("Authorization", reader()).queryParam("organisation", org.toString())
                .when().get("/api/v1/activities")
                .then().body("items.reference", contains("R1", "R8"))
                .body("items[1].method", equalTo("COMMENT_CARDS"))
                .body("items[1].startDate", equalTo("2019-05-01"));
        given().header("Authorization", reader()).queryParam("organisation", org.toString())
                .when().get("/api/v1/findings")
                .then().body("items.statement", containsInAnyOrder("Long waits for referrals", "Young carers want apps"))
                .body("items.find { it.statement == 'Long waits for referrals' }.quotes", contains("I waited months."));

        String uploadId = report.extract().path("id");
        var audited = EventProbe.await(ChorusEventTypes.AUDIT_ENTRIES,
                e -> new String(e.data(), StandardCharsets.UTF_8).contains(uploadId), Duration.ofSeconds(10));
        String entry = new String(audited.data(), StandardCharsets.UTF_8);
        assertTrue(entry.contains("\"insights.uploaded\"") && entry.contains(org.toString()), entry);
    }

    @Test
    void aCorrectedReUploadUpdatesItsRowsInsteadOfDuplicatingThem() {
        String place = unique("lancashire");
        UUID org = organisation("Healthwatch Lancashire", true, place);
        String first = csv(
                row("HWL-1", "Focus group", "Focus group", "2019-03-14", "", place, "12", "", "Waits too long",
                        "waiting-times", "Concern", "8", ""),
                row("HWL-2", "Event", "Public engagement event", "2019-13-01", "", place, "30", "", "", "", "", "", ""));
        var firstReport = upload(org, "text/csv", first, null).statusCode(201)
                .body("rows.status", contains("ACCEPTED", "REJECTED")).extract();
        String activityId = firstReport.path("rows[0].activityId");
        String findingId = firstReport.path("rows[0].findingIds[0]");

        String corrected = csv(
                row("HWL-1", "Focus group (corrected)", "Focus group", "2019-03-14", "", place, "14", "", "Waits for "
                        + "referrals are too long", "waiting-times", "Concern", "9", ""),
                row("HWL-2", "Event", "Public engagement event", "2019-12-01", "", place, "30", "", "", "", "", "", ""));
        upload(org, "text/csv", corrected, null).statusCode(201)
                .body("rows.status", contains("UPDATED", "ACCEPTED"))
                .body("rows[0].activityId", equalTo(activityId))
                .body("rows[0].findingIds", contains(findingId));

        given().header("Authorization", reader()).queryParam("organisation", org.toString())
                .when().get("/api/v1/activities")
                .then().body("items.reference", contains("HWL-1", "HWL-2"))
                .body("items[0].title", equalTo("Focus group (corrected)"))
                .body("items[0].participantCount", equalTo(14));
        given().header("Authorization", reader()).queryParam("organisation", org.toString())
                .when().get("/api/v1/findings")
                .then().body("items.statement", contains("Waits for referrals are too long"));
    }

    @Test
    void aSpreadsheetCsvWithByteOrderMarkCrlfAndLineBreaksInCellsIsRead() {
        String place = unique("cumbria");
        UUID org = organisation("Healthwatch Cumbria", true, place);
        String csv = "\uFEFF" + HEADER + "\r\n"
                + "HWC-1,\"Conversations, Carlisle\",In depth conversation,2019-06-01,2019-06-03," + place + ",38,"
                + "\"seldom-heard groups; LGBT+\",Support at home matters,care-at-home,Positive,20,"
                + "\"Being at home helps me get better.\r\nThe carers were kind.\"\r\n";
        upload(org, "text/csv; charset=utf-8", csv, null).statusCode(201)
                .body("rows[0].status", equalTo("ACCEPTED"));
        given().header("Authorization", reader()).queryParam("organisation", org.toString())
                .when().get("/api/v1/activities")
                .then().body("items[0].title", equalTo("Conversations, Carlisle"))
                .body("items[0].groupsReached", contains("seldom-heard groups", "lgbt+"))
                .body("items[0].endDate", equalTo("2019-06-03"));
        given().header("Authorization", reader()).queryParam("organisation", org.toString())
                .when().get("/api/v1/findings")
                .then().body("items[0].quotes", contains("Being at home helps me get better.", "The carers were kind."));
    }

    @Test
    void rowsSharingAReferenceAreOneActivityAndMustAgreeAboutIt() {
        String place = unique("chorley");
        UUID org = organisation("Healthwatch Chorley", true, place);
        String csv = csv(
                row("M1", "Focus group", "Focus group", "2019-03-14", "", place, "12", "", "First", "", "Concern", "", ""),
                row("G1", "Workshop", "Workshop", "2019-03-14", "", place, "12", "", "Only", "", "Concern", "", ""),
                row("M1", "Focus group", "", "", "", "", "", "", "Second", "", "Positive", "", ""),
                row("M2", "Event", "Workshop", "2019-03-14", "", place, "12", "", "", "", "", "", ""),
                row("M2", "Event", "Workshop", "2019-03-15", "", place, "12", "", "", "", "", "", ""));
        upload(org, "text/csv", csv, null).statusCode(201)
                .body("rows.reference", contains("M1", "G1", "M2"))
                .body("rows.status", contains("ACCEPTED", "ACCEPTED", "REJECTED"))
                .body("rows[0].rows", contains(2, 4)).body("rows[0].findingIds", hasSize(2))
                .body("rows[2].rows", contains(5, 6))
                .body("rows[2].reasons[0]", containsString("row 6 gives start_date '2019-03-15'"));
    }

    @Test
    void allOrNothingKeepsNothingWhenARowFails() {
        String place = unique("preston");
        UUID org = organisation("Healthwatch Preston", true, place);
        String csv = csv(
                row("A1", "Workshop", "Workshop", "2019-03-14", "", place, "10", "", "", "", "", "", ""),
                row("A2", "Workshop", "Knitting", "2019-03-14", "", place, "10", "", "", "", "", "", ""));
        given().header("Authorization", writer(org)).contentType("text/csv").body(csv).queryParam("mode", "all-or-nothing")
                .when().post("/api/v1/uploads")
                .then().statusCode(201).body("rows.status", contains("SKIPPED", "REJECTED"))
                .body("mode", equalTo("ALL_OR_NOTHING"));
        given().header("Authorization", reader()).queryParam("organisation", org.toString())
                .when().get("/api/v1/activities").then().body("items", hasSize(0));
    }

    /** A CSV or JSON file has no sheets: naming one would store a sheet the upload never read. */
    @Test
    void aSheetNamedForAFileWithoutSheetsIsRefusedAndNothingIsKept() {
        String place = unique("fylde");
        UUID org = organisation("Healthwatch Fylde", true, place);
        String csv = HEADER + "\r\nHWF-1,Drop-in,In depth conversation,2019-06-01,2019-06-01," + place + ",12,,"
                + "Parking is hard,care-at-home,Concern,12,\r\n";
        given().header("Authorization", writer(org)).contentType("text/csv").queryParam("sheet", "Findings")
                .body(csv).when().post("/api/v1/uploads")
                .then().statusCode(400).body("errors[0].parameter", equalTo("sheet"))
                .body("errors[0].detail", containsString("a CSV file has none"));
        given().header("Authorization", writer(org)).contentType("application/json").queryParam("sheet", "Findings")
                .body("{\"activities\": []}").when().post("/api/v1/uploads")
                .then().statusCode(400).body("errors[0].parameter", equalTo("sheet"))
                .body("errors[0].detail", containsString("a JSON file has none"));
        given().header("Authorization", reader()).queryParam("organisation", org.toString())
                .when().get("/api/v1/activities").then().statusCode(200).body("items", hasSize(0));

        upload(org, "text/csv", csv, null).statusCode(201).body("rows[0].status", equalTo("ACCEPTED"));
    }

    @Test
    void aJsonFileCarriesSeveralFindingsPerActivityAndIsJudgedRowByRow() {
        String place = unique("blackburn");
        UUID org = organisation("Healthwatch Blackburn with Darwen", true, place);
        Map<String, Object> good = Map.of("reference", "J1", "title", "Community group discussion",
                "method", "COMMUNITY_GROUP_DISCUSSION", "startDate", "2019-02-01", "placeCodes", List.of(place),
                "participantCount", 20, "findings", List.of(
                        Map.of("statement", "Positive about links between services", "themes", List.of("joined-up-services"),
                                "sentiment", "POSITIVE"),
                        Map.of("statement", "Little awareness of changes", "themes", List.of("awareness-of-changes"),
                                "sentiment", "CONCERN", "quotes", List.of("Nobody told us."))));
        Map<String, Object> bad = Map.of("reference", "J2", "title", "Interviews", "method", "TELEPHONE_INTERVIEW",
                "startDate", "2019-02-01", "placeCodes", List.of(place), "participantCount", 2.5, "colour", "red");
        post(writer(org), "/api/v1/uploads", Map.of("activities", List.of(good, bad, good)))
                .statusCode(201).body("rows.status", contains("ACCEPTED", "REJECTED", "REJECTED"))
                .body("rows[2].reasons[0]", containsString("reference 'J1' appears in an earlier row"))
                .body("rows[0].findingIds", hasSize(2))
                .body("rows[1].reasons", hasItem(containsString("participantCount: '2.5' is not a whole number")))
                .body("rows[1].reasons", hasItem(containsString("unknown fields [colour]")));
    }

    /** An activity's findings given as an object once failed the whole upload with a 500. */
    @Test
    void findingsThatAreNoArrayAreTheRowsReason() {
        String place = unique("blackpool");
        UUID org = organisation("Healthwatch Findings Shape", true, place);
        upload(org, "application/json", "{\"activities\": [{\"reference\": \"a\", \"title\": \"t\", "
                + "\"method\": \"WORKSHOP\", \"startDate\": \"2019-03-14\", \"placeCodes\": [\"" + place + "\"], "
                + "\"participantCount\": 3, \"findings\": {\"statement\": \"x\"}}]}", null)
                .statusCode(201).body("rows[0].status", equalTo("REJECTED"))
                .body("rows[0].reasons", contains("findings: must be an array"));
    }

    /** A blank reference was stored as none, so that the same file sent again added its activity again. */
    @Test
    void aBlankReferenceIsMissingSoThatSendingTheFileAgainAddsNothing() {
        String place = unique("wyre");
        UUID org = organisation("Healthwatch Blank Reference", true, place);
        String file = "{\"activities\": [{\"reference\": \"  \", \"title\": \"Drop-in\", \"method\": \"WORKSHOP\", "
                + "\"startDate\": \"2019-03-14\", \"placeCodes\": [\"" + place + "\"], \"participantCount\": 3}]}";
        for (int sent = 0; sent < 2; sent++) {
            upload(org, "application/json", file, null).statusCode(201)
                    .body("rows[0].status", equalTo("REJECTED"))
                    .body("rows[0].reasons[0]", startsWith("reference: is required in an upload"));
        }
        given().header("Authorization", reader()).queryParam("organisation", org.toString())
                .when().get("/api/v1/activities").then().statusCode(200).body("items", hasSize(0));
    }

    /** A date PostgreSQL cannot hold was a fault on our side, which no retry mends: it is the row's reason. */
    @Test
    void aDateBeyondPostgresqlsIsTheRowsReasonNamingTheRuleInEitherMode() {
        String place = unique("chorley");
        UUID org = organisation("Healthwatch Far Future", true, place);
        String csv = csv(row("F1", "Workshop", "Workshop", "+10000000-01-01", "", place, "10", "", "", "", "", "", ""),
                row("F2", "Workshop", "Workshop", "2019-03-14", "", place, "10", "", "", "", "", "", ""));
        upload(org, "text/csv", csv, null).statusCode(201).body("rows.status", contains("REJECTED", "ACCEPTED"))
                .body("rows[0].reasons", contains("start_date: must be a date between 4713 BC and 5874897 AD"));
        given().header("Authorization", writer(org)).contentType("text/csv").body(csv)
                .queryParam("mode", "all-or-nothing").when().post("/api/v1/uploads")
                .then().statusCode(201).body("rows.status", contains("REJECTED", "SKIPPED"))
                .body("rows[0].reasons", contains("start_date: must be a date between 4713 BC and 5874897 AD"));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheFirstReport() {
        String place = unique("morecambe");
        UUID org = organisation("Healthwatch Morecambe", true, place);
        String csv = csv(row("I1", "Workshop", "Workshop", "2019-03-14", "", place, "10", "", "", "", "", "", ""));
        String key = UUID.randomUUID().toString();
        String first = upload(org, "text/csv", csv, key).statusCode(201).extract().path("id");
        upload(org, "text/csv", csv, key).statusCode(201).body("id", equalTo(first))
                .body("rows.status", contains("ACCEPTED"));
        upload(org, "text/csv", csv + csv.lines().skip(1).findFirst().orElseThrow(), key).statusCode(409);
    }

    @Test
    void aLargeFileBecomesAJobWhoseProgressAndReportCanBeFetched() throws InterruptedException {
        String place = unique("lancaster");
        UUID org = organisation("Healthwatch Lancaster", true, place);
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (int i = 1; i <= 10_000; i++) {
            csv.append(row("L" + i, "Outreach " + i, "Outreach with specific groups", "2019-01-01", "", place,
                    Integer.toString(i % 50), "", i % 2 == 0 ? "Finding " + i : "", i % 2 == 0 ? "mental-health-support" : "",
                    i % 2 == 0 ? "Concern" : "", "", "")).append("\r\n");
        }
        csv.append(row("L1", "Repeated", "Workshop", "2019-01-01", "", place, "1", "", "", "", "", "", "")).append("\r\n");
        var accepted = upload(org, "text/csv", csv.toString(), null).statusCode(202)
                .header("Location", containsString("/api/v1/uploads/"))
                .body("totalRows", equalTo(10_000)).extract();
        String location = accepted.header("Location");

        await("the job done").atMost(java.time.Duration.ofSeconds(240)).pollInterval(java.time.Duration.ofMillis(500))
                .until(() -> given().header("Authorization", writer(org)).when().get(location)
                        .then().statusCode(200).extract().path("status"), equalTo("DONE"));
        given().header("Authorization", writer(org)).when().get(location)
                .then().body("status", equalTo("DONE"))
                .body("processedRows", equalTo(10_000))
                .body("acceptedRows", equalTo(9_999)).body("rejectedRows", equalTo(1))
                .body("rows", hasSize(10_000))
                .body("rows[0].rows", contains(2, 10_002))
                .body("rows[0].reasons[0]", containsString("row 10002 gives title 'Repeated'"));
        given().header("Authorization", writer(organisation("Another", true, place))).when().get(location)
                .then().statusCode(404);
    }

    @Test
    void theTemplateAndSchemaArePublishedAndTheTemplateItselfUploads() {
        UUID org = organisation("Healthwatch Template", true, "lancashire");
        byte[] template = given().header("Authorization", writer(org)).when().get("/api/v1/uploads/template.csv")
                .then().statusCode(200).contentType(containsString("text/csv")).extract().asByteArray();
        given().header("Authorization", writer(org)).contentType("text/csv").body(template)
                .when().post("/api/v1/uploads")
                .then().statusCode(201).body("rows.status", contains("ACCEPTED"))
                .body("rows[0].rows", contains(2, 3))
                .body("rows[0].findingIds", hasSize(2));
        given().header("Authorization", writer(org)).when().get("/api/v1/uploads/schema.json")
                .then().statusCode(200).body("properties.activities.items.required", hasItem("reference"));
    }

    @Test
    void filesThatAreNotRowsAreBadRequests() {
        UUID org = organisation("Healthwatch Malformed", true, unique("x"));
        upload(org, "text/csv", "reference,title,colour\r\nA,B,red\r\n", null).statusCode(400)
                .body("detail", containsString("colour"));
        given().header("Authorization", writer(org)).contentType("text/csv")
                .body(new byte[] { (byte) 0xC3, (byte) 0x28, 0x0A })
                .when().post("/api/v1/uploads").then().statusCode(400).body("detail", containsString("UTF-8"));
        upload(org, "application/json", "{\"activities\": 3}", null).statusCode(400)
                .body("errors[0].pointer", equalTo("/activities"));
        upload(org, "application/json", "{}", null).statusCode(400).body("errors[0].pointer", equalTo("/activities"));
        upload(org, "application/json", "{\"activities\": [], \"extra\": 1}", null).statusCode(400)
                .body("errors[0].pointer", equalTo("/extra"));
        upload(org, "application/json", "{\"activities\": []}", null).statusCode(400)
                .body("errors[0].pointer", equalTo("/activities"));
        upload(org, "text/csv", HEADER + "\r\n", null).statusCode(400).body("detail", containsString("no rows"));
        given().header("Authorization", writer(org)).contentType("text/plain").body("hello")
                .when().post("/api/v1/uploads").then().statusCode(415).contentType(Problem.MEDIA_TYPE)
                .body("detail", containsString("Send a CSV file as text/csv"));
        // an .xls workbook, as Excel before 2007 saved it (its first bytes), is told what to save it as
        given().header("Authorization", writer(org)).contentType("application/vnd.ms-excel")
                .body(new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
                        (byte) 0xE1 })
                .when().post("/api/v1/uploads").then().statusCode(415)
                .body("detail", containsString("save it as an Excel workbook (.xlsx) or as CSV UTF-8"));
        given().header("Authorization", reader()).contentType("text/csv").body(HEADER)
                .when().post("/api/v1/uploads").then().statusCode(403);
        upload(org, "text/csv", HEADER, null).statusCode(400);
        given().header("Authorization", writer(org)).contentType("text/csv").body(HEADER).queryParam("mode", "some")
                .when().post("/api/v1/uploads").then().statusCode(400).body("errors[0].parameter", equalTo("mode"));
    }

    /**
     * PostgreSQL refuses NUL in text; stored or echoed in the row report, it once failed the upload with a 500. Half of
     * a surrogate pair was stored as "?".
     */
    @Test
    void textPostgresqlCannotKeepAnywhereInAnUploadIsABadRequestSayingWhere() {
        String place = unique("nul");
        UUID org = organisation("Healthwatch Nul Upload", true, place);
        upload(org, "application/json", "{\"activities\": [{\"reference\": \"N-1\", \"title\": \"Focus\\u0000\", "
                + "\"findings\": [{\"sentiment\": \"CON\\u0000CERN\"}]}]}", null)
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].pointer", equalTo("/activities/0/title"))
                .body("errors[0].detail", equalTo("must not contain the NUL character"));
        upload(org, "application/json", "{\"activities\": [{\"reference\": \"N-3\", \"title\": \"Focus\", "
                + "\"findings\": [{\"statement\": \"Cafe\", \"quotes\": [\"Caf\\udfffe\"]}]}]}", null)
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].pointer", equalTo("/activities/0/findings/0/quotes/0"))
                .body("errors[0].detail", startsWith("must hold whole characters: \\uDFFF at character 4"));
        upload(org, "text/csv", HEADER + "\r\nN-2,Focus\u0000 group\r\n", null)
                .statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("line 2: must not contain the NUL character"));
    }

    static ValidatableResponse upload(UUID org, String contentType, String body, String idempotencyKey) {
        var request = given().header("Authorization", writer(org)).contentType(contentType)
                .body(body.getBytes(StandardCharsets.UTF_8));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.when().post("/api/v1/uploads").then();
    }

    static String csv(String... rows) {
        return HEADER + "\r\n" + String.join("\r\n", rows) + "\r\n";
    }

    /** One CSV row in HEADER's column order, each cell quoted so that commas and line breaks survive. */
    static String row(String... cells) {
        assertEquals(13, cells.length, "a row has every column of HEADER");
        return String.join(",", java.util.Arrays.stream(cells).map(c -> "\"" + c.replace("\"", "\"\"") + "\"").toList());
    }
}
