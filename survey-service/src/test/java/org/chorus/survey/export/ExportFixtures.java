package org.chorus.survey.export;

import static io.restassured.RestAssured.given;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Steps the export tests share: pulling an export and reading it as a spreadsheet would. */
final class ExportFixtures {

    static final String EXPORT = "/api/v1/surveys/{surveyId}/responses/export";

    private ExportFixtures() {
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

    /** A zip's files by name, in the order they come. */
    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    /** A CSV row by its header's column names; row 0 is the header. */
    static Map<String, String> row(List<CSVRecord> records, int index) {
        Map<String, String> row = new HashMap<>();
        for (int i = 0; i < records.get(0).size(); i++) {
            row.put(records.get(0).get(i), records.get(index).get(i));
        }
        return row;
    }
}
