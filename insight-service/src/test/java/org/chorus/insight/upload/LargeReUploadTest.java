package org.chorus.insight.upload;

import static io.restassured.RestAssured.given;
import static org.chorus.insight.support.InsightFixtures.organisation;
import static org.chorus.insight.support.InsightFixtures.unique;
import static org.chorus.insight.support.InsightFixtures.writer;
import static org.chorus.insight.upload.UploadResourceTest.HEADER;
import static org.chorus.insight.upload.UploadResourceTest.row;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;

import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A Healthwatch corrects a large file and uploads it again, as jobs: every row finds the activity it corrects, also
 * when the stored activities are looked up many rows at a time (a chunk of a kept-valid job, or the whole file of an
 * all-or-nothing one, whose one transaction goes a chunk at a time).
 */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class LargeReUploadTest {

    private static final int ROWS = 600;

    @ParameterizedTest
    @ValueSource(strings = { "keep-valid", "all-or-nothing" })
    void everyRowOfALargeCorrectedFileUpdatesOrKeepsWhatItCorrects(String mode) {
        String place = unique("lancaster");
        UUID org = organisation("Healthwatch Lancaster", true, place);
        JsonPath first = run(org, mode, file(i -> row(i, "Outreach " + i, place)));
        assertEquals(ROWS, first.getInt("acceptedRows"));

        // every third row's title corrected; the references given with spaces around them, as spreadsheets do
        JsonPath second = run(org, mode, file(i -> row(i, i % 3 == 0 ? "Outreach, corrected " + i : "Outreach " + i,
                place)));

        assertEquals(Map.of("accepted", 0, "updated", ROWS / 3, "unchanged", ROWS - ROWS / 3, "rejected", 0),
                Map.of("accepted", second.getInt("acceptedRows"), "updated", second.getInt("updatedRows"),
                        "unchanged", second.getInt("unchangedRows"), "rejected", second.getInt("rejectedRows")));
        assertEquals(first.getList("rows.activityId"), second.getList("rows.activityId"), "the same activities");
        assertEquals(first.getList("rows.findingIds"), second.getList("rows.findingIds"), "the same findings");
        given().header("Authorization", writer(org))
                .when().get("/api/v1/activities/" + second.getString("rows[2].activityId"))
                .then().statusCode(200).body("reference", equalTo("HWL-3"))
                .body("title", equalTo("Outreach, corrected 3"));
    }

    private static String row(int i, String title, String place) {
        return UploadResourceTest.row(" HWL-" + i + " ", title, "Outreach with specific groups", "2019-01-01", "", place,
                Integer.toString(i % 50), "", i % 2 == 0 ? "Finding " + i : "", "",
                i % 2 == 0 ? "Concern" : "", "", "");
    }

    private static String file(IntFunction<String> row) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (int i = 1; i <= ROWS; i++) {
            csv.append(row.apply(i)).append("\r\n");
        }
        return csv.toString();
    }

    private static JsonPath run(UUID org, String mode, String csv) {
        JsonPath done = UploadJobs.awaitDone(org, UploadJobs.post(org, mode, csv));
        assertEquals(ROWS, done.getList("rows").size());
        return done;
    }
}
