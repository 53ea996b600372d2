package org.chorus.e2e;

import static org.awaitility.Awaitility.await;
import static org.chorus.e2e.SystemUnderTest.admin;
import static org.chorus.e2e.SystemUnderTest.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.chorus.localstack.Handover;
import org.chorus.localstack.LocalStack;
import org.chorus.localstack.RunningStack;
import org.chorus.localstack.StackSettings;
import org.chorus.localstack.ThrowawayHomes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * A local Healthwatch hands its records over whole with {@code ./chorus handover}'s code, through the gateway, and
 * the organisation taking them over imports the insight part: it then holds the same activities, findings and
 * actions, field by field: in the same installation, and in a fresh installation, as when a local Healthwatch's
 * records move to an ICB or a council running Chorus of its own. Imported records get new ids.
 */
class HandoverThroughTheGatewayIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEADER = "reference,title,method,start_date,place_codes,participant_count,"
            + "groups_reached,finding_statement,finding_themes,finding_proposed_themes,finding_sentiment,finding_quotes";
    private static final List<String> KEPT_ACTIVITY_FIELDS = List.of("reference", "title", "method", "startDate",
            "endDate", "placeCodes", "participantCount", "groupsReached", "stakeholderGroup", "ladderRung",
            "programmeArea", "createdAt", "updatedAt", "version");
    private static final List<String> KEPT_FINDING_FIELDS = List.of("statement", "themes", "proposedThemes",
            "sentiment", "participantCount", "quotes", "published", "publishedAt", "heardOn", "placeCodes", "method",
            "programmeArea", "createdAt", "updatedAt", "version");
    private static final List<String> KEPT_ACTION_FIELDS = List.of("title", "decision", "status", "reason",
            "decidedOn", "dueOn", "completedOn", "published", "publishedAt", "createdAt", "updatedAt", "version");

    @TempDir
    Path folder;

    @Test
    void anOrganisationsInsightHandedOverAndImportedIsTheSameFieldByField() throws Exception {
        String place = Directory.registerPlace("Handover area");
        String leaving = Directory.registerOrganisationCovering("Healthwatch Leaving", "HEALTHWATCH", place);
        String custodian = Directory.registerOrganisationCovering("New Custodian", "LOCAL_AUTHORITY", place);
        String leavingKey = Directory.issueSecretKey(leaving, Scopes.INSIGHTS_WRITE, Scopes.INSIGHTS_READ,
                Scopes.HANDOVER_READ)[1];
        String custodianKey = Directory.issueSecretKey(custodian, Scopes.INSIGHTS_WRITE, Scopes.INSIGHTS_READ)[1];
        recordInsight(leavingKey, leaving, place);

        List<Path> files = new Handover(SystemUnderTest.stack().gatewayUrl(), leavingKey)
                .fetch(UUID.fromString(leaving), folder);
        assertEquals(List.of("directory.zip", "surveys.zip", "insight.zip"),
                files.stream().map(f -> f.getFileName().toString()).toList());
        assertManifestHolds(files);
        assertPackages(leaving);
        // handed over only to the organisation itself, and only with the scope
        as(leavingKey).queryParam("organisation", custodian).get("/api/v1/handover/insight").then().statusCode(403)
                .body("type", org.hamcrest.Matchers.endsWith("not-owner"));
        as(custodianKey).queryParam("organisation", custodian).get("/api/v1/handover/insight").then().statusCode(403);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as(admin()).queryParam("action", "handover.exported")
                .queryParam("organisationId", leaving).get("/api/v1/audit-log").then().statusCode(200)
                .body("items.size()", equalTo(3)));

        byte[] insight = Files.readAllBytes(folder.resolve("insight.zip"));
        Map<String, Object> counts = Map.of("activities", Map.of("imported", 2, "present", 0),
                "findings", Map.of("imported", 3, "present", 0), "theme_proposals", Map.of("imported", 1, "present", 0),
                "actions", Map.of("imported", 1, "present", 0));
        importInsight(custodianKey, insight).then().statusCode(200).body("counts", equalTo(counts));
        // again: every record is found present and nothing is stored twice
        importInsight(custodianKey, insight).then().statusCode(200).body("counts", equalTo(Map.of(
                "activities", Map.of("imported", 0, "present", 2), "findings", Map.of("imported", 0, "present", 3),
                "theme_proposals", Map.of("imported", 0, "present", 1), "actions", Map.of("imported", 0, "present", 1))));
        // its own package back into itself would clash with its own references
        importInsight(leavingKey, insight).then().statusCode(409);

        assertSameInsight(new Holder(() -> as(leavingKey), leaving), new Holder(() -> as(leavingKey), custodian));
    }

    @Test
    void theInsightPartImportedIntoAFreshInstallationIsTheSameFieldByField() throws Exception {
        String place = Directory.registerPlace("Handover area");
        String leaving = Directory.registerOrganisationCovering("Healthwatch Closing", "HEALTHWATCH", place);
        String leavingKey = Directory.issueSecretKey(leaving, Scopes.INSIGHTS_WRITE, Scopes.INSIGHTS_READ,
                Scopes.HANDOVER_READ)[1];
        recordInsight(leavingKey, leaving, place);
        new Handover(SystemUnderTest.stack().gatewayUrl(), leavingKey).fetch(UUID.fromString(leaving), folder);
        byte[] insight = Files.readAllBytes(folder.resolve("insight.zip"));

        try (RunningStack fresh = LocalStack.start(StackSettings.forTests(ThrowawayHomes.create("chorus-fresh-")))) {
            // the new custodian covers the same area: place codes name the same places in every installation
            Directory directory = Directory.of(fresh);
            directory.place(place, "Handover area");
            String custodian = directory.organisation(Map.of("name", "Lancashire County Council", "type",
                    "LOCAL_AUTHORITY", "placeCodes", List.of(place), "allowedOrigins", List.of(Directory.WEBSITE)));
            String custodianKey = directory.secretKey(custodian, Scopes.INSIGHTS_WRITE, Scopes.INSIGHTS_READ)[1];
            Supplier<RequestSpecification> asCustodian = () -> RestAssured.given()
                    .baseUri(fresh.gatewayUrl().toString()).header("Authorization", "Bearer " + custodianKey);

            // the fresh installation's gateway and insight service learn the key and the organisation from events
            await().atMost(Duration.ofSeconds(30)).until(() -> asCustodian.get().contentType("application/zip")
                    .body(insight).post("/api/v1/handover/insight/import").statusCode(), equalTo(200));
            asCustodian.get().contentType("application/zip").body(insight).post("/api/v1/handover/insight/import")
                    .then().statusCode(200).body("counts.activities", equalTo(Map.of("imported", 0, "present", 2)))
                    .body("counts.findings", equalTo(Map.of("imported", 0, "present", 3)))
                    .body("counts.actions", equalTo(Map.of("imported", 0, "present", 1)));

            assertSameInsight(new Holder(() -> as(leavingKey), leaving), new Holder(asCustodian, custodian));
        }
    }

    /** Who reads an organisation's records, and which organisation. */
    private record Holder(Supplier<RequestSpecification> caller, String organisation) {
        List<Map<String, Object>> list(String what) {
            return caller.get().queryParam("organisation", organisation).queryParam("limit", 500)
                    .get("/api/v1/" + what).then().statusCode(200).extract().jsonPath().getList("items");
        }
    }

    private static void recordInsight(String key, String organisation, String place) {
        String csv = HEADER + "\r\n"
                + "HO-1,Young carers focus group,Focus group,14/03/2019," + place + ",14,young carers,"
                + "\"Long waits, for \"\"mental health\"\" referrals\",mental-health-support;waiting-times,,Concern,"
                + "\"I waited months.\r\nNobody called back.\"\r\n"
                + "HO-1,,,,,,,Nobody explains the new partnerships,awareness-of-changes,loneliness,Concern,\r\n"
                + "HO-2,Drop-in,Public engagement event,2019-04-01," + place + ",12,,\"Café staff were kind\",joined-up-services,,Positive,\r\n";
        await().atMost(Duration.ofSeconds(15)).until(() -> as(key).contentType("text/csv")
                .body(csv.getBytes(StandardCharsets.UTF_8)).post("/api/v1/uploads").statusCode(), equalTo(201));
        List<String> findings = as(key).get("/api/v1/findings?organisation=" + organisation)
                .then().statusCode(200).extract().path("items.id");
        as(key).post("/api/v1/findings/" + findings.get(0) + "/publish").then().statusCode(200);
        String action = as(key).contentType(ContentType.JSON).body(Map.of("title", "Faster referrals",
                "decision", "A single point of access, answering within two weeks", "findingIds", findings.subList(0, 2),
                "status", "IN_PROGRESS", "decidedOn", "2020-02-01", "dueOn", "2020-09-30"))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/actions").then().statusCode(201).extract().path("id");
        as(key).post("/api/v1/actions/" + action + "/publish").then().statusCode(200);
    }

    private static io.restassured.response.Response importInsight(String key, byte[] zip) {
        return as(key).contentType("application/zip").body(zip).post("/api/v1/handover/insight/import");
    }

    private void assertManifestHolds(List<Path> files) throws IOException {
        JsonNode manifest = JSON.readTree(folder.resolve(Handover.MANIFEST).toFile());
        assertEquals(files.size(), manifest.path("files").size());
        List<String> sums = Files.readAllLines(folder.resolve(Handover.SUMS));
        for (int i = 0; i < files.size(); i++) {
            String sha256 = Handover.sha256(files.get(i));
            assertEquals(sha256, manifest.path("files").get(i).path("sha256").asText());
            assertEquals(sha256 + "  " + files.get(i).getFileName(), sums.get(i));
        }
    }

    private void assertPackages(String organisation) throws IOException {
        JsonNode insight = descriptor("insight.zip");
        assertEquals(List.of("activities", "findings", "theme_proposals", "actions", "uploads"), names(insight));
        assertEquals(List.of(2L, 3L, 1L, 1L, 1L), rows(insight));
        assertEquals("activities", insight.at("/resources/1/schema/foreignKeys/0/reference/resource").asText());
        JsonNode directory = descriptor("directory.zip");
        assertEquals(List.of("organisation", "places", "origins", "api_keys"), names(directory));
        String organisationCsv = entry("directory.zip", "organisation.csv");
        assertTrue(organisationCsv.contains(organisation), organisationCsv);
        String keys = entry("directory.zip", "api_keys.csv");
        assertFalse(keys.contains("secret_hash") || keys.contains("chorus_"), keys);
        JsonNode surveys = descriptor("surveys.zip");
        assertEquals(List.of("surveys", "survey_versions", "responses", "export_audit"), names(surveys));
        assertFalse(entry("surveys.zip", "responses.csv").contains("contact_"), "no contact details without contacts:read");
    }

    private void assertSameInsight(Holder leaving, Holder custodian) {
        Map<String, Map<String, Object>> before = byKey(leaving.list("activities"), a -> (String) a.get("reference"));
        Map<String, Map<String, Object>> after = byKey(custodian.list("activities"), a -> (String) a.get("reference"));
        assertEquals(before.keySet(), after.keySet());
        before.forEach((reference, activity) -> assertFields(KEPT_ACTIVITY_FIELDS, activity, after.get(reference)));

        Map<String, Map<String, Object>> beforeFindings = byKey(leaving.list("findings"), f -> (String) f.get("statement"));
        Map<String, Map<String, Object>> afterFindings = byKey(custodian.list("findings"), f -> (String) f.get("statement"));
        assertEquals(beforeFindings.keySet(), afterFindings.keySet());
        Map<Object, Object> activityOf = new HashMap<>();
        before.forEach((reference, a) -> activityOf.put(a.get("id"), after.get(reference).get("id")));
        Map<Object, Object> findingOf = new HashMap<>();
        beforeFindings.forEach((statement, finding) -> {
            Map<String, Object> imported = afterFindings.get(statement);
            assertFields(KEPT_FINDING_FIELDS, finding, imported);
            assertEquals(activityOf.get(finding.get("activityId")), imported.get("activityId"));
            assertEquals(custodian.organisation(), imported.get("organisationId"));
            findingOf.put(finding.get("id"), imported.get("id"));
        });

        List<Map<String, Object>> actions = leaving.list("actions");
        List<Map<String, Object>> importedActions = custodian.list("actions");
        assertEquals(1, actions.size());
        assertEquals(1, importedActions.size());
        assertFields(KEPT_ACTION_FIELDS, actions.get(0), importedActions.get(0));
        assertEquals(((List<?>) actions.get(0).get("findingIds")).stream().map(findingOf::get).toList(),
                importedActions.get(0).get("findingIds"));
    }

    private static Map<String, Map<String, Object>> byKey(List<Map<String, Object>> items,
            Function<Map<String, Object>, String> key) {
        return items.stream().collect(Collectors.toMap(key, i -> i, (a, b) -> a, LinkedHashMap::new));
    }

    private static void assertFields(List<String> fields, Map<String, Object> expected, Map<String, Object> actual) {
        for (String field : fields) {
            assertEquals(expected.get(field), actual.get(field), field + " of " + expected.get("id"));
        }
    }

    private JsonNode descriptor(String zip) throws IOException {
        return JSON.readTree(entry(zip, "datapackage.json"));
    }

    private static List<String> names(JsonNode descriptor) {
        List<String> names = new ArrayList<>();
        descriptor.path("resources").forEach(r -> names.add(r.path("name").asText()));
        return names;
    }

    private static List<Long> rows(JsonNode descriptor) {
        List<Long> rows = new ArrayList<>();
        descriptor.path("resources").forEach(r -> rows.add(r.path("rows").asLong()));
        return rows;
    }

    private String entry(String zip, String name) throws IOException {
        try (InputStream in = Files.newInputStream(folder.resolve(zip)); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                if (entry.getName().equals(name)) {
                    return new String(entries.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError(zip + " has no " + name);
    }
}
