package org.chorus.insight.upload;

import static io.restassured.RestAssured.given;
import static org.chorus.insight.support.InsightFixtures.organisation;
import static org.chorus.insight.support.InsightFixtures.reader;
import static org.chorus.insight.support.InsightFixtures.unique;
import static org.chorus.insight.support.InsightFixtures.writer;
import static org.chorus.insight.upload.UploadResourceTest.csv;
import static org.chorus.insight.upload.UploadResourceTest.row;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Healthwatch staff who have lost an upload's address (a large file answered 202 and the page closed) find it again
 * in their organisation's list, newest first; analysts who read insights see every organisation's.
 */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class UploadListTest {

    @Test
    void anOrganisationListsItsOwnUploadsNewestFirstPageByPageAndNoOneElses() {
        String place = unique("blackburn");
        UUID healthwatch = organisation("Healthwatch Blackburn with Darwen", true, place);
        UUID other = organisation("Healthwatch Blackpool", true, place);
        List<String> uploaded = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            uploaded.add(upload(healthwatch, "HWBD-" + i, place));
        }
        String othersUpload = upload(other, "HWB-1", place);

        JsonPath first = list(writer(healthwatch), Map.of("limit", 2));
        assertEquals(List.of(uploaded.get(2), uploaded.get(1)), first.getList("items.id"), "newest first");
        JsonPath second = list(writer(healthwatch), Map.of("limit", 2, "cursor", first.getString("nextCursor")));
        assertEquals(List.of(uploaded.get(0)), second.getList("items.id"));
        assertEquals(null, second.getString("nextCursor"), "the last page says so");

        // a key that may only write sees its own organisation's, whichever it asks for
        assertEquals(List.of(uploaded.get(2), uploaded.get(1), uploaded.get(0)),
                list(writer(healthwatch), Map.of("organisation", other)).getList("items.id"));
        assertEquals(List.of(othersUpload), list(reader(), Map.of("organisation", other)).getList("items.id"));
    }

    @Test
    void aListedUploadIsTheUploadWithoutItsReport() {
        String place = unique("preston");
        UUID healthwatch = organisation("Healthwatch Lancashire", true, place);
        String id = upload(healthwatch, "HWL-1", place);

        Map<String, Object> listed = list(writer(healthwatch), Map.of()).getMap("items[0]");
        Map<String, Object> upload = new HashMap<>(given().header("Authorization", writer(healthwatch))
                .when().get("/api/v1/uploads/" + id).then().statusCode(200).extract().jsonPath().getMap(""));
        assertEquals(1, ((List<?>) upload.remove("rows")).size(), "the upload itself has its report");
        assertEquals(upload, listed);
    }

    @Test
    void analystsFilterByOrganisationAndState() {
        String place = unique("chorley");
        UUID healthwatch = organisation("Healthwatch Lancashire", true, place);
        String id = upload(healthwatch, "HWL-1", place);

        given().header("Authorization", reader()).queryParam("organisation", healthwatch.toString())
                .queryParam("status", "DONE")
                .when().get("/api/v1/uploads")
                .then().statusCode(200).body("items.id", contains(id)).body("nextCursor", nullValue());
        given().header("Authorization", reader()).queryParam("organisation", healthwatch.toString())
                .queryParam("status", "PROCESSING")
                .when().get("/api/v1/uploads")
                .then().statusCode(200).body("items", empty());
        given().header("Authorization", reader()).queryParam("status", "FINISHED")
                .when().get("/api/v1/uploads")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("status"));
    }

    private static String upload(UUID organisation, String reference, String place) {
        String file = csv(row(reference, "Drop-in at the carers' centre", "Focus group", "2019-03-14", "", place, "12",
                "", "Carers find respite hard to arrange", "waiting-times", "Concern", "8", ""));
        return given().header("Authorization", writer(organisation)).contentType("text/csv").body(file)
                .when().post("/api/v1/uploads")
                .then().statusCode(201).body("acceptedRows", equalTo(1)).extract().path("id");
    }

    private static JsonPath list(String caller, Map<String, Object> query) {
        return given().header("Authorization", caller).queryParams(query)
                .when().get("/api/v1/uploads")
                .then().statusCode(200).extract().jsonPath();
    }
}
