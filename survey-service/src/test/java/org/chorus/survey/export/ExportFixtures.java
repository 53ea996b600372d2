package org.chorus.survey.export;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import io.restassured.http.ContentType;

/** Steps the export tests share: submitting responses, pulling an export and reading it as a spreadsheet would. */
final class ExportFixtures {

    static final String EXPORT = "/api/v1/surveys/{surveyId}/responses/export";

    private ExportFixtures() {
    }

    /** Answers only the required questions of the small survey. */
    static Map<String, Object> minimal() {
        return Map.of("answers", Map.of("rank", Map.of("ranking", List.of("living", "starting", "ageing")),
                "issues", Map.of("choices", List.of("food"))));
    }

    /** @return {responseId, erasureToken} */
    static String[] submit(String bearer, String surveyId, Map<String, Object> body) {
        var receipt = given().header("Authorization", bearer).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/surveys/" + surveyId + "/responses")
                .then().statusCode(201).extract();
        return new String[] { receipt.path("responseId"), receipt.path("erasureToken") };
    }

    static byte[] export(String bearer, String surveyId, String format, Map<String, String> params) {
        return given().header("Authorization", bearer).queryParam("format", format).queryParams(params)
                .when().get(EXPORT, surveyId)
                .then().statusCode(200).extract().asByteArray();
    }

    /** Reads a CSV export as Excel would, after its byte order mark. */
    static List<CSVRecord> parse(byte[] csv) throws IOException {
        String text = new String(csv, StandardCharsets.UTF_8).substring(1);
        return CSVFormat.EXCEL.parse(new StringReader(text)).getRecords();
    }
}
