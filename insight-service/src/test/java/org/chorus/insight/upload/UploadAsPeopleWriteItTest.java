package org.chorus.insight.upload;

import static io.restassured.RestAssured.given;
import static org.chorus.insight.support.InsightFixtures.organisation;
import static org.chorus.insight.support.InsightFixtures.reader;
import static org.chorus.insight.support.InsightFixtures.unique;
import static org.chorus.insight.support.InsightFixtures.writer;
import static org.chorus.insight.upload.UploadResourceTest.csv;
import static org.chorus.insight.upload.UploadResourceTest.row;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Uploads as a Healthwatch keeps its spreadsheet: places by name, themes by label, "&" for "and", and the same file
 * sent again next month, which must change nothing.
 */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class UploadAsPeopleWriteItTest {

    @Test
    void anUnchangedReUploadReportsEveryRowUnchangedAndStoresNoNewVersion() {
        String place = unique("blackpool");
        UUID org = organisation("Healthwatch Blackpool", true, place);
        String file = csv(
                row("HWB-1", "Focus group", "Focus group", "2019-03-14", "", place, "12", "young carers",
                        "Long waits for referrals", "waiting-times", "Concern", "8", "I waited months."),
                row("HWB-2", "Event", "Public engagement event", "2019-04-01", "", place, "30", "", "", "", "", "",
                        ""));
        var first = upload(org, file).statusCode(201).body("rows.status", contains("ACCEPTED", "ACCEPTED")).extract();
        String activityId = first.path("rows[0].activityId");
        int versionBefore = activityVersion(org, activityId);

        upload(org, file).statusCode(201)
                .body("rows.status", contains("UNCHANGED", "UNCHANGED"))
                .body("unchangedRows", equalTo(2)).body("updatedRows", equalTo(0))
                .body("rows[0].activityId", equalTo(activityId))
                .body("rows[0].findingIds", equalTo(first.path("rows[0].findingIds")));
        assertEquals(versionBefore, activityVersion(org, activityId),
                "an unchanged row writes nothing: the activity keeps its version");

        String oneChanged = csv(
                row("HWB-1", "Focus group", "Focus group", "2019-03-14", "", place, "12", "young carers",
                        "Long waits for referrals", "waiting-times", "Concern", "9", "I waited months."),
                row("HWB-2", "Event", "Public engagement event", "2019-04-01", "", place, "30", "", "", "", "", "",
                        ""));
        upload(org, oneChanged).statusCode(201).body("rows.status", contains("UPDATED", "UNCHANGED"));
    }

    @Test
    void placesByNameAndThemesAndMethodsByLabelAreReadAsTheirCodes() {
        String place = unique("blackburn-with-darwen");
        UUID org = organisation("Healthwatch Blackburn with Darwen", true, place);
        String placeAsWritten = place.replace('-', ' ').toUpperCase(Locale.ROOT).replace(" WITH ", " with ");
        String file = csv(row("HWBD-1", "Café conversations", "in-depth conversation", "14/03/2019", "",
                placeAsWritten, "20", "", "Carers want support at home", "Care & support at home; Mental Health Support",
                "concern", "6", ""));
        upload(org, file).statusCode(201).body("rows.status", contains("ACCEPTED"))
                .body("rows[0].reasons", empty());

        given().header("Authorization", reader()).queryParam("organisation", org.toString())
                .when().get("/api/v1/findings")
                .then().body("items[0].themes", contains("care-at-home", "mental-health-support"))
                .body("items[0].placeCodes", contains(place));
    }

    @Test
    void aValueThatMatchesNothingIsRejectedWithTheNearestKnownValues() {
        String place = unique("lancashire");
        UUID org = organisation("Healthwatch Lancashire", true, place);
        String misspelt = place.substring(0, place.length() - 1);
        String file = csv(row("HWL-9", "Drop-in", "Focus grop", "2019-03-14", "", misspelt, "12", "",
                "Waits for mental health referrals", "mental helth support", "Concern", "5", ""));
        upload(org, file).statusCode(201).body("rows.status", contains("REJECTED"))
                .body("rows[0].reasons", hasItem("place_codes: unknown place '" + misspelt + "': no active organisation of the partnership "
                        + "covers it; did you mean "
                        + place + "?"))
                .body("rows[0].reasons", hasItem("finding 1 finding_themes: unknown theme 'mental helth support': use a theme's code or "
                        + "label from GET /api/v1/themes, or propose it in proposedThemes; did you mean "
                        + "mental-health-support?"))
                .body("rows[0].reasons", hasItem(startsWith(
                        "method: unknown method 'Focus grop'; did you mean Focus group?")));
    }

    @Test
    void anExcelWorkbookUploadsFromTheSheetNamed() throws Exception {
        String place = unique("cumbria");
        UUID org = organisation("Healthwatch Cumbria", true, place);
        byte[] workbook = XlsxRowsTest.workbook("Findings", sheet -> {
            String[] header = { "Reference", "Title", "Method", "Start date", "Place codes", "Participant count",
                    "Finding statement", "Finding themes", "Finding sentiment" };
            for (int i = 0; i < header.length; i++) {
                sheet.value(0, i, header[i]);
            }
            Object[] cells = { "HWC-1", "Carlisle drop-in", "Focus group", "2019-06-01", place, 9,
                    "Support at home lets people get better", "Care & support at home", "Positive" };
            for (int i = 0; i < cells.length; i++) {
                if (cells[i] instanceof Integer number) {
                    sheet.value(1, i, number);
                } else {
                    sheet.value(1, i, (String) cells[i]);
                }
            }
        });
        given().header("Authorization", writer(org))
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .queryParam("sheet", "Findings").body(workbook).when().post("/api/v1/uploads")
                .then().statusCode(201).body("format", equalTo("xlsx")).body("rows.status", contains("ACCEPTED"));
        given().header("Authorization", writer(org))
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .queryParam("sheet", "Activities").body(workbook).when().post("/api/v1/uploads")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("The workbook has no sheet named 'Activities'; its sheets are [Findings]"));
    }

    @Test
    void aSavedColumnMappingLetsTheOrganisationsOwnExportUploadUnedited() {
        String place = unique("lancashire");
        UUID org = organisation("Healthwatch Lancashire", true, place);
        given().header("Authorization", writer(org)).contentType("application/json")
                .body("{\"columns\": {\"Date of event\": \"Start date\", \"Where\": \"place_codes\", "
                        + "\"What we heard\": \"finding statement\"}}")
                .when().put("/api/v1/uploads/column-mapping")
                .then().statusCode(200).header("ETag", notNullValue())
                .body("columns.'Date of event'", equalTo("start_date"))
                .body("columns.'What we heard'", equalTo("finding_statement"));
        given().header("Authorization", writer(org)).when().get("/api/v1/uploads/column-mapping")
                .then().statusCode(200).body("columns.Where", equalTo("place_codes"));

        String theirExport = "Reference,Title,Method,Date of event,Where,Participant count,What we heard,"
                + "Finding sentiment\r\nHWL-20,Preston drop-in,Workshop,2019-05-02," + place + ",11,"
                + "People want evening GP appointments,Concern\r\n";
        upload(org, theirExport).statusCode(201).body("rows.status", contains("ACCEPTED"));
    }

    @Test
    void aMappingToNoTemplateColumnIsRefusedNamingItsColumn() {
        UUID org = organisation("Healthwatch Cumbria", true, unique("cumbria"));
        given().header("Authorization", writer(org)).contentType("application/json")
                .body("{\"columns\": {\"When\": \"start dat\", \"Date\": \"start_date\", \"Day\": \"start_date\"}}")
                .when().put("/api/v1/uploads/column-mapping")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.pointer", contains("/columns/When", "/columns/Day"))
                .body("errors[0].detail", startsWith("unknown template column 'start dat'; did you mean start_date?"))
                .body("errors[1].detail", equalTo("'Date' is already mapped to start_date"));
    }

    private static int activityVersion(UUID org, String activityId) {
        return given().header("Authorization", reader()).when().get("/api/v1/activities/" + activityId)
                .then().statusCode(200).extract().path("version");
    }

    private static ValidatableResponse upload(UUID org, String body) {
        return given().header("Authorization", writer(org)).contentType("text/csv")
                .body(body.getBytes(StandardCharsets.UTF_8)).when().post("/api/v1/uploads").then();
    }
}
