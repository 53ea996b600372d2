package org.chorus.insight.handover;

import static io.restassured.RestAssured.given;
import static org.chorus.insight.support.InsightFixtures.activity;
import static org.chorus.insight.support.InsightFixtures.createActivity;
import static org.chorus.insight.support.InsightFixtures.createFinding;
import static org.chorus.insight.support.InsightFixtures.finding;
import static org.chorus.insight.support.InsightFixtures.organisation;
import static org.chorus.insight.support.InsightFixtures.post;
import static org.chorus.insight.support.InsightFixtures.unique;
import static org.chorus.insight.support.InsightFixtures.writer;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.platform.testing.TestCallers;
import org.chorus.platform.testing.ZipFiles;
import org.chorus.platform.web.caller.Scopes;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class HandoverResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QUOTE = "He said \"wait\", then:\r\nnothing, for weeks";

    @Test
    void anOrganisationsInsightIsHandedOverAsADataPackageAndTakenInOnceByAnother() throws IOException {
        String place = unique("handover");
        UUID leaving = organisation("Healthwatch Leaving", true, place);
        UUID custodian = organisation("New Custodian", true, place);
        String activity = createActivity(writer(leaving), activity("Focus group", place));
        Map<String, Object> quoted = finding(activity, "Long waits", List.of("waiting-times"), List.of(QUOTE));
        String first = createFinding(writer(leaving), quoted);
        createFinding(writer(leaving), finding(activity, "Kind staff", List.of(), List.of()));
        post(writer(leaving), "/api/v1/actions", Map.of("title", "Faster referrals", "decision",
                "A single point of access", "findingIds", List.of(first), "status", "PLANNED", "decidedOn", "2020-02-01"))
                .statusCode(201);

        byte[] zip = given().header("Authorization", TestCallers.bearer(leaving, Scopes.HANDOVER_READ))
                .queryParam("organisation", leaving.toString()).when().get("/api/v1/handover/insight")
                .then().statusCode(200).contentType("application/zip").extract().asByteArray();
        Map<String, String> files = ZipFiles.texts(zip);
        assertEquals(List.of("activities.csv", "findings.csv", "theme_proposals.csv", "actions.csv", "uploads.csv",
                "datapackage.json"), new ArrayList<>(files.keySet()));
        JsonNode descriptor = JSON.readTree(files.get("datapackage.json"));
        List<Long> rows = new ArrayList<>();
        descriptor.path("resources").forEach(r -> rows.add(r.path("rows").asLong()));
        assertEquals(List.of(1L, 2L, 0L, 1L, 0L), rows);
        assertEquals("uuid", descriptor.at("/resources/0/schema/fields/0/format").asText());
        assertEquals("activity_id", descriptor.at("/resources/1/schema/foreignKeys/0/fields/0").asText());
        List<CSVRecord> findings = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new java.io.StringReader(files.get("findings.csv"))).getRecords();
        CSVRecord longWaits = findings.stream().filter(r -> r.get("id").equals(first)).findFirst().orElseThrow();
        assertEquals(List.of(QUOTE), Arrays.asList(JSON.readValue(longWaits.get("quotes"), String[].class)));

        String custodianWriter = writer(custodian);
        Map<String, Object> imported = Map.of("activities", Map.of("imported", 1, "present", 0),
                "findings", Map.of("imported", 2, "present", 0), "theme_proposals", Map.of("imported", 0, "present", 0),
                "actions", Map.of("imported", 1, "present", 0));
        importPackage(custodianWriter, zip).then().statusCode(200).body("counts", equalTo(imported));
        importPackage(custodianWriter, zip).then().statusCode(200)
                .body("counts.activities.present", equalTo(1)).body("counts.findings.present", equalTo(2))
                .body("counts.actions.present", equalTo(1)).body("counts.findings.imported", equalTo(0));
        given().header("Authorization", TestCallers.bearer(custodian, Scopes.INSIGHTS_READ))
                .queryParam("organisation", custodian.toString())
                .queryParam("q", "weeks").when().get("/api/v1/findings").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].quotes[0]", equalTo(QUOTE));
    }

    @Test
    void recordsLeaveOnlyToTheOrganisationItselfWithTheScope() {
        UUID own = organisation("Healthwatch Own", true, unique("own"));
        UUID other = organisation("Another", true, unique("other"));
        given().header("Authorization", writer(own)).queryParam("organisation", own.toString())
                .when().get("/api/v1/handover/insight").then().statusCode(403);
        given().header("Authorization", TestCallers.bearer(own, Scopes.HANDOVER_READ))
                .queryParam("organisation", other.toString()).when().get("/api/v1/handover/insight")
                .then().statusCode(403).body("type", endsWith("not-owner"));
        given().header("Authorization", TestCallers.bearer(own, Scopes.HANDOVER_READ))
                .when().get("/api/v1/handover/insight")
                .then().statusCode(400).body("errors[0].parameter", equalTo("organisation"));
    }

    @Test
    void aBodyThatIsNoHandoverPackageIsRefusedSayingWhy() {
        String key = writer(organisation("Healthwatch Importer", true, unique("importer")));
        given().header("Authorization", key).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/handover/insight/import").then().statusCode(415);
        given().header("Authorization", TestCallers.bearer(UUID.randomUUID(), Scopes.INSIGHTS_READ))
                .contentType(ContentType.JSON).body("{}").when().post("/api/v1/handover/insight/import")
                .then().statusCode(403);
        importPackage(key, "not a zip".getBytes(StandardCharsets.UTF_8)).then().statusCode(400)
                .body("type", endsWith("invalid-package"));
        byte[] truncated = Arrays.copyOf(zipOf("activities.csv", "id,organisation_id\r\n" + "x".repeat(5000)), 60);
        importPackage(key, truncated).then().statusCode(400).body("type", endsWith("invalid-package"));
        importPackage(key, zipOf("activities.csv", "id,title\r\n")).then().statusCode(400)
                .body("detail", equalTo("activities.csv has no column organisation_id"));
    }

    /**
     * A code no column of the package declares (a package edited by hand) was stored, and every later read of its
     * record failed with a 500, for every caller: activities, findings and reach alike.
     */
    @Test
    void aCellHoldingACodeItsColumnDoesNotDeclareIsRefusedAndNothingIsStored() {
        String place = unique("handover-codes");
        UUID leaving = organisation("Healthwatch Edited", true, place);
        UUID custodian = organisation("Custodian Of Edits", true, place);
        Map<String, String> files = handedOver(leaving, activity("Focus group", place)).files();

        refused(custodian, edited(files, "activities.csv", ",FOCUS_GROUP,", ",PODCAST,"), "activities.csv", "method",
                "must be one of [OUTREACH_WITH_SPECIFIC_GROUPS, COMMENT_CARDS, WORKSHOP, NEIGHBOURHOOD_EVENT, "
                        + "LIVED_EXPERIENCE_INVOLVEMENT, COMMUNITY_GROUP_DISCUSSION, TELEPHONE_INTERVIEW, "
                        + "IN_DEPTH_CONVERSATION, FACE_TO_FACE_INTERVIEW, PUBLIC_ENGAGEMENT_EVENT, "
                        + "SURVEY_OR_QUESTIONNAIRE, FOCUS_GROUP]");
        refused(custodian, edited(files, "activities.csv", ",MENTAL_HEALTH,", ",mental health,"), "activities.csv",
                "programme_area", "must be one of [");
        refused(custodian, edited(files, "findings.csv", ",CONCERN,", ",CONCERNED,"), "findings.csv", "sentiment",
                "must be one of [");
        refused(custodian, edited(files, "actions.csv", ",PLANNED,", ",SHELVED,"), "actions.csv", "status",
                "must be one of [");
        given().header("Authorization", TestCallers.bearer(custodian, Scopes.INSIGHTS_READ))
                .queryParam("organisation", custodian.toString()).when().get("/api/v1/activities")
                .then().statusCode(200).body("items.size()", equalTo(0));
        importPackage(writer(custodian), zipOf(files)).then().statusCode(200)
                .body("counts.activities.imported", equalTo(1));
    }

    /**
     * The tables' own rules refused such rows by a constraint's SQL state, naming neither row nor rule; a reference
     * the custodian already uses for an activity of its own did the same, and the custodian could not tell what to
     * change.
     */
    @Test
    void aRowTheTablesWouldRefuseIsRefusedNamingItsRowColumnAndRule() {
        String place = unique("handover-rules");
        UUID leaving = organisation("Healthwatch Referenced", true, place);
        UUID custodian = organisation("Custodian Of References", true, place);
        Map<String, Object> focusGroup = activity("Focus group", place);
        focusGroup.put("reference", "FG-2019-03");
        HandedOver handedOver = handedOver(leaving, focusGroup);
        Map<String, String> files = handedOver.files();

        refused(custodian, edited(files, "activities.csv", ",2019-03-14,2019-03-14,", ",2019-03-14,2019-03-13,"),
                "activities.csv", "end_date", "must not be before start_date");
        refused(custodian, edited(files, "activities.csv", ",14,", ",-1,"), "activities.csv", "participant_count",
                "must be at least 0");
        refused(custodian, edited(files, "activities.csv", ",Focus group,", ",,"), "activities.csv", "title",
                "is required");
        refused(custodian, edited(files, "activities.csv", ",Focus group,", ",Focus\u0000group,"), "activities.csv",
                "title", "must not contain the NUL character");
        refused(custodian, edited(files, "findings.csv", handedOver.activityId(), UUID.randomUUID().toString()),
                "findings.csv", "activity_id", "must be the id of an activity in activities.csv");
        refused(custodian, edited(files, "actions.csv", ",PLANNED,,", ",NOT_TAKEN_FORWARD,,"), "actions.csv",
                "reason", "is required when status is NOT_TAKEN_FORWARD");
        String activities = files.get("activities.csv");
        String copied = activities.lines().skip(1).findFirst().orElseThrow();
        refused(custodian, edited(files, "activities.csv", activities, activities + copied + "\r\n"), "activities.csv",
                "id", "is that of row 1 too", 2);
        refused(custodian, edited(files, "activities.csv", activities, activities
                + copied.replace(handedOver.activityId(), UUID.randomUUID().toString()) + "\r\n"), "activities.csv",
                "reference", "is that of row 1 too", 2);
        Map<String, Object> own = activity("Drop-in", place);
        own.put("reference", "FG-2019-03");
        String ownActivity = createActivity(writer(custodian), own);
        importPackage(writer(custodian), zipOf(files)).then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", equalTo("activities.csv row 1, column reference: 'FG-2019-03' is already the reference "
                        + "of your activity " + ownActivity + "; give one of the two another reference, then import "
                        + "the package again"));
        given().header("Authorization", TestCallers.bearer(custodian, Scopes.INSIGHTS_READ))
                .queryParam("organisation", custodian.toString()).when().get("/api/v1/activities")
                .then().statusCode(200).body("items.id", contains(ownActivity));
    }

    /** An organisation's insight part, files by name, and the id of the activity it holds. */
    private record HandedOver(String activityId, Map<String, String> files) {
    }

    /** The organisation's insight part once it has the activity, with a finding and an action answering it. */
    private static HandedOver handedOver(UUID leaving, Map<String, Object> activity) {
        String id = createActivity(writer(leaving), activity);
        String finding = createFinding(writer(leaving), finding(id, "Long waits", List.of(), List.of()));
        post(writer(leaving), "/api/v1/actions", Map.of("title", "Faster referrals", "decision", "One point of access",
                "findingIds", List.of(finding), "status", "PLANNED", "decidedOn", "2020-02-01")).statusCode(201);
        return new HandedOver(id, ZipFiles.texts(given()
                .header("Authorization", TestCallers.bearer(leaving, Scopes.HANDOVER_READ))
                .queryParam("organisation", leaving.toString()).when().get("/api/v1/handover/insight")
                .then().statusCode(200).extract().asByteArray()));
    }

    private static void refused(UUID custodian, byte[] zip, String file, String column, String rule) {
        refused(custodian, zip, file, column, rule, 1);
    }

    private static void refused(UUID custodian, byte[] zip, String file, String column, String rule, int row) {
        importPackage(writer(custodian), zip).then().statusCode(400).contentType("application/problem+json")
                .body("type", endsWith("invalid-package"))
                .body("detail", startsWith(file + " row " + row + ", column " + column + ": " + rule))
                .body("errors[0].pointer", equalTo("/" + file + "/" + row + "/" + column));
    }

    /** The package with one value of one file replaced, as someone editing it by hand would. */
    private static byte[] edited(Map<String, String> files, String file, String value, String replacement) {
        assertTrue(files.get(file).contains(value), file + " holds " + value);
        Map<String, String> edited = new LinkedHashMap<>(files);
        edited.put(file, files.get(file).replace(value, replacement));
        return zipOf(edited);
    }

    private static io.restassured.response.Response importPackage(String key, byte[] zip) {
        return given().header("Authorization", key).contentType("application/zip").body(zip)
                .when().post("/api/v1/handover/insight/import");
    }

    private static byte[] zipOf(String name, String content) {
        return zipOf(Map.of(name, content));
    }

    private static byte[] zipOf(Map<String, String> files) {
        var bytes = new java.io.ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(bytes)) {
            for (var file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
