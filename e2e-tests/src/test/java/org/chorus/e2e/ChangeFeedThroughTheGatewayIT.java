package org.chorus.e2e;

import static org.awaitility.Awaitility.await;
import static org.chorus.e2e.SystemUnderTest.admin;
import static org.chorus.e2e.SystemUnderTest.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * An analyst keeps a copy of a survey's responses in step through the gateway: an export, a respondent erasing an
 * exported response, then the change feed from the export's cursor names the erasure, the next export from the same
 * cursor holds only what is new, and the copy with the tombstones applied is what a full export holds now.
 */
class ChangeFeedThroughTheGatewayIT {

    private static final Duration SETTLE_WAIT = Duration.ofSeconds(30);

    @Test
    void aCopyKeptWithTheCursorAndTheTombstonesLosesTheErasedResponse() throws Exception {
        String icb = Directory.registerOrganisation("Change feed ICB (e2e)", "ICB");
        String staff = Directory.issueSecretKey(icb, "surveys:manage")[1];
        String analyst = Directory.issueSecretKey(icb, "exports:read")[1];
        String surveyId = Surveys.createAndOpen(staff, KnownResponses.partlyWelsh(
                Surveys.seedWithEveryQuestionType("Change feed " + UUID.randomUUID())));
        List<KnownResponses.Given> known = KnownResponses.all();
        JsonPath erased = submit(staff, surveyId, known.get(0));
        String kept = submit(staff, surveyId, known.get(1)).getString("responseId");

        // exports hold responses from a few seconds back, so that resuming never skips one still committing
        String export = "/api/v1/surveys/" + surveyId + "/responses/export?format=ndjson";
        await().atMost(SETTLE_WAIT).until(() -> exportedIds(as(analyst).get(export)).size(), equalTo(2));
        ExtractableResponse<Response> first = as(analyst).get(export).then().statusCode(200).extract();
        Set<String> copy = exportedIds(first.response());
        String cursor = first.header("Export-Next-Cursor");
        assertEquals(Set.of(erased.getString("responseId"), kept), copy);

        as(staff).header("Erasure-Token", erased.getString("erasureToken"))
                .delete("/api/v1/responses/" + erased.getString("responseId")).then().statusCode(204);
        String later = submit(staff, surveyId, known.get(2)).getString("responseId");

        String feed = "/api/v1/surveys/" + surveyId + "/responses/changes";
        await().atMost(SETTLE_WAIT).until(() -> changes(analyst, feed, cursor).getList("items").size(), equalTo(2));
        JsonPath changes = changes(analyst, feed, cursor);
        assertEquals(List.of(Map.of("change", "ERASED", "responseId", erased.getString("responseId")),
                Map.of("change", "SUBMITTED", "responseId", later)), withoutTimes(changes),
                "the erasure, then the later response, in order; a tombstone holds nothing else but its time");

        ExtractableResponse<Response> second = as(analyst).queryParam("cursor", cursor).get(export).then()
                .statusCode(200).extract();
        assertEquals(Set.of(later), exportedIds(second.response()), "the second export holds only what is new");

        for (Map<String, String> change : changes.<Map<String, String>>getList("items")) {
            if (change.get("change").equals("ERASED")) {
                copy.remove(change.get("responseId"));
            }
        }
        copy.addAll(exportedIds(second.response()));
        assertEquals(exportedIds(as(analyst).get(export)), copy, "the copy is what a full export holds now");
        assertEquals(Set.of(kept, later), copy);

        as(analyst).queryParam("cursor", changes.getString("nextCursor")).get(feed).then().statusCode(200)
                .body("items.size()", equalTo(0));
        await().atMost(Duration.ofSeconds(10)).until(() -> as(admin()).queryParam("action", "responses.changes-listed")
                .queryParam("organisationId", icb).get("/api/v1/audit-log").then().statusCode(200).extract()
                .<List<String>>path("items.subjectId").contains(surveyId));
    }

    private static JsonPath submit(String staff, String surveyId, KnownResponses.Given response) {
        return as(staff).contentType(ContentType.JSON).body(response.body()).when()
                .post("/api/v1/surveys/" + surveyId + "/responses").then().statusCode(201).extract().jsonPath();
    }

    private static JsonPath changes(String analyst, String feed, String cursor) {
        return as(analyst).queryParam("cursor", cursor).get(feed).then().statusCode(200).extract().jsonPath();
    }

    private static List<Map<String, String>> withoutTimes(JsonPath changes) {
        List<Map<String, String>> items = new ArrayList<>();
        for (Map<String, String> change : changes.<Map<String, String>>getList("items")) {
            assertEquals(Set.of("change", "responseId", "at"), change.keySet());
            items.add(Map.of("change", change.get("change"), "responseId", change.get("responseId")));
        }
        return items;
    }

    private static Set<String> exportedIds(Response ndjson) {
        ndjson.then().statusCode(200);
        Set<String> ids = new LinkedHashSet<>();
        ndjson.asString().lines().forEach(line -> ids.add(JsonPath.from(line).getString("response_id")));
        return ids;
    }
}
