package org.chorus.e2e;

import static org.awaitility.Awaitility.await;
import static org.chorus.e2e.SystemUnderTest.admin;
import static org.chorus.e2e.SystemUnderTest.as;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chorus.localstack.DemoData;
import org.chorus.localstack.InsightDemoData;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;

/**
 * A local Healthwatch uploads a spreadsheet of its activities and findings through the gateway, corrects it by
 * uploading again, publishes a finding that a partner website then shows, and the reach summary counts it.
 */
class HealthwatchUploadThroughTheGatewayIT {

    private static final String ORIGIN = "https://www.example.org";
    private static final String HEADER = "reference,title,method,start_date,place_codes,participant_count,"
            + "groups_reached,finding_statement,finding_themes,finding_sentiment,finding_quotes";

    @Test
    void aHealthwatchUploadsCorrectsAndPublishesItsFindings() {
        String place = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        registerPlaces(place);
        String healthwatch = registerOrganisation("Healthwatch Upload (e2e)", place);
        String writer = Directory.issueSecretKey(healthwatch, "insights:write", "insights:read")[1];
        String website = as(admin()).contentType(ContentType.JSON).body(Map.of("name", "Website", "kind", "PUBLISHABLE"))
                .when().post("/api/v1/organisations/" + healthwatch + "/api-keys")
                .then().statusCode(201).extract().path("secret");

        String first = "\uFEFF" + HEADER + "\r\n"
                + "E2E-1,Young carers focus group,Focus group,14/03/2019," + place + ",14,young carers;LGBT+,"
                + "\"Long waits for mental health referrals\",mental-health-support;waiting-times,Concern,"
                + "\"I waited months.\r\nNobody called back.\"\r\n"
                + "E2E-2,Drop-in,Knitting circle,2019-04-01," + place + ",12.5,,,,,\r\n";
        // The insight service learns the new organisation, and the gateway the new key, from events.
        await().atMost(Duration.ofSeconds(15)).until(() -> upload(writer, first).statusCode(), equalTo(201));
        // The same file again: the stored row is as the file has it, so it is UNCHANGED, not UPDATED.
        var report = upload(writer, first).then().statusCode(201)
                .body("rows.status", contains("UNCHANGED", "REJECTED"))
                .body("rows[1].reasons", hasItem(containsString("unknown method 'Knitting circle'")))
                .body("rows[1].reasons", hasItem(containsString("'12.5' is not a whole number"))).extract();
        String findingId = report.path("rows[0].findingIds[0]");
        // The report as the Healthwatch's own rows, to fix in place and upload again.
        String reportFile = as(writer).when().get("/api/v1/uploads/" + report.path("id") + "/report")
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        assertTrue(reportFile.contains(HEADER + ",Chorus status,Chorus reasons\r\n"),
                reportFile);
        assertTrue(reportFile.contains("E2E-2,Drop-in,Knitting circle,2019-04-01,"
                + place + ",12.5,,,,,,REJECTED,"), reportFile);

        String corrected = HEADER + "\r\n"
                + "E2E-1,Young carers focus group,Focus group,14/03/2019," + place + ",14,young carers;LGBT+,"
                + "\"Long waits for mental health referrals\",mental-health-support;waiting-times,Concern,\"I waited months.\"\r\n"
                + "E2E-2,Drop-in,Public engagement event,2019-04-01," + place + ",12,,,,,\r\n";
        String correctedId = upload(writer, corrected).then().statusCode(201)
                .body("rows.status", contains("UPDATED", "ACCEPTED"))
                .body("rows[0].findingIds", contains(findingId)).extract().path("id");
        // Its three uploads, newest first, to find one again whose address was lost.
        as(writer).queryParam("organisation", healthwatch).when().get("/api/v1/uploads")
                .then().statusCode(200).body("items", hasSize(3))
                .body("items[0].id", equalTo(correctedId)).body("items[1].id", equalTo(report.path("id")))
                .body("items.updatedRows", contains(1, 0, 0)).body("items.unchangedRows", contains(0, 1, 0));

        as(website).header("Origin", ORIGIN).queryParam("place", place).when().get("/api/v1/findings")
                .then().statusCode(200).body("items", org.hamcrest.Matchers.empty());
        as(writer).when().post("/api/v1/findings/" + findingId + "/publish").then().statusCode(200);
        as(website).header("Origin", ORIGIN).queryParam("place", place).queryParam("q", "referral waits")
                .when().get("/api/v1/findings")
                .then().statusCode(200).body("items.id", contains(findingId))
                .body("items[0].quotes", contains("I waited months."));

        as(writer).queryParam("place", place).queryParam("from", "2019-01-01").queryParam("to", "2019-12-31")
                .when().get("/api/v1/reach")
                .then().statusCode(200).body("activities", equalTo(2)).body("participants", equalTo(26))
                .body("groupsReached.group", containsInAnyOrder("young carers", "lgbt+"))
                .body("topThemes.code", hasItem("mental-health-support"));
    }

    @Test
    void theDemoInsightLoadsThroughTheGatewayAndLoadsAgainHarmlessly() throws Exception {
        assertTrue(DemoData.load(SystemUnderTest.stack().gatewayUrl(), admin()), "the demo organisations load");
        assertTrue(InsightDemoData.load(SystemUnderTest.stack().gatewayUrl(), admin()), "the demo insight loads");
        assertTrue(InsightDemoData.load(SystemUnderTest.stack().gatewayUrl(), admin()), "and loads again harmlessly");
        String analyst = Directory.issueSecretKey(Directory.registerOrganisation("Insight Analysts (e2e)", "OTHER"),
                "insights:read")[1];
        await().atMost(Duration.ofSeconds(5)).until(() -> as(analyst).get("/api/v1/themes").statusCode(), equalTo(200));
        as(analyst).queryParam("place", "cumbria").queryParam("q", "mental health referrals")
                .when().get("/api/v1/findings")
                .then().statusCode(200).body("items.size()", equalTo(1))
                .body("items[0].published", equalTo(true));
        as(analyst).queryParam("status", "DONE").when().get("/api/v1/actions")
                .then().statusCode(200).body("items.title", hasItem("Explaining primary care networks and local partnerships"));
        // each run's keys (four Healthwatch and the ICB) are revoked when it is done: no live key that nobody holds
        List<Map<String, Object>> loaderKeys = new ArrayList<>();
        for (String type : List.of("HEALTHWATCH", "ICB")) {
            List<String> organisations = as(admin()).queryParam("type", type).queryParam("limit", 500)
                    .get("/api/v1/organisations").then().statusCode(200).extract().path("items.id");
            for (String organisation : organisations) {
                List<Map<String, Object>> keys = as(admin()).queryParam("limit", 500)
                        .get("/api/v1/organisations/" + organisation + "/api-keys").then().statusCode(200)
                        .extract().path("items");
                keys.stream().filter(key -> "Chorus demo insight loader".equals(key.get("name")))
                        .forEach(loaderKeys::add);
            }
        }
        assertEquals(10, loaderKeys.size(), "two runs' keys: " + loaderKeys);
        assertTrue(loaderKeys.stream().allMatch(key -> key.get("revokedAt") != null), "all revoked: " + loaderKeys);
    }

    private static io.restassured.response.Response upload(String key, String csv) {
        return as(key).contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8)).when().post("/api/v1/uploads");
    }

    private static void registerPlaces(String area) {
        String system = area + "-ics";
        Map<String, Object> ics = new HashMap<>(Map.of("code", system, "name", "E2E system", "kind", "INTEGRATED_CARE_SYSTEM"));
        as(admin()).contentType(ContentType.JSON).body(ics).when().post("/api/v1/places").then().statusCode(201);
        as(admin()).contentType(ContentType.JSON)
                .body(Map.of("code", area, "name", "E2E area", "kind", "LOCAL_AUTHORITY_AREA", "parentCode", system))
                .when().post("/api/v1/places").then().statusCode(201);
    }

    private static String registerOrganisation(String name, String place) {
        return as(admin()).contentType(ContentType.JSON)
                .body(Map.of("name", name, "type", "HEALTHWATCH", "placeCodes", List.of(place),
                        "allowedOrigins", List.of(ORIGIN)))
                .when().post("/api/v1/organisations")
                .then().statusCode(201).extract().path("id");
    }
}
