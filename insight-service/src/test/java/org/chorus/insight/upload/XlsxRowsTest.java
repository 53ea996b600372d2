package org.chorus.insight.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.chorus.platform.web.problem.Problem;
import org.chorus.platform.web.problem.ProblemException;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;

/**
 * Workbooks as Healthwatch staff save them, written by a real spreadsheet writer (fastexcel; for formulas with saved
 * values, its sheet's cells replaced by ones laid out as Excel writes them), read by the upload's XLSX reader.
 */
class XlsxRowsTest {

    @Test
    void aWorkbookIsReadAsTheTemplateWithDatesAsDatesAndWholeNumbersWithoutDecimals() throws IOException {
        byte[] workbook = workbook("Activities", sheet -> {
            header(sheet, "Reference", "Title", "Method", "Start date", "Place codes", "Participant count",
                    "Finding statement", "Finding quotes");
            sheet.value(1, 0, "HWB-1");
            sheet.value(1, 1, "Café conversations");
            sheet.value(1, 2, "Focus group");
            sheet.value(1, 3, LocalDate.of(2019, 3, 14));
            sheet.style(1, 3).format("dd/mm/yyyy").set();
            sheet.value(1, 4, "blackpool");
            sheet.value(1, 5, 12);
            sheet.value(1, 6, "Waits are too long");
            sheet.value(1, 7, "I waited months.\nNobody called back.");
        });
        List<RawRow> rows = XlsxRows.read(workbook, null, Map.of());

        assertEquals(1, rows.size());
        RawRow row = rows.get(0);
        assertEquals(2, row.row(), "the spreadsheet's own row number");
        assertEquals("Café conversations", row.activity().get("title"));
        assertEquals("2019-03-14", row.activity().get("startDate"));
        assertEquals("12", row.activity().get("participantCount"));
        assertEquals(List.of("I waited months.", "Nobody called back."), row.findings().get(0).get("quotes"));
    }

    /** A note typed beside the table, in a column the header does not name, was dropped without a word. */
    @Test
    void aValueInAColumnTheHeaderDoesNotNameIsRefusedNamingTheColumn() throws IOException {
        byte[] workbook = workbook("Activities", sheet -> {
            header(sheet, "Reference", "Title", "Method", "Start date", "Place codes", "Participant count");
            sheet.value(1, 0, "HWB-1");
            sheet.value(1, 1, "Drop-in");
            sheet.value(1, 2, "Workshop");
            sheet.value(1, 3, "2019-03-14");
            sheet.value(1, 4, "blackpool");
            sheet.value(1, 5, 12);
            sheet.value(1, 7, "ask about the bus times");
        });
        assertEquals("Row 2 has a value in column H, which has no name in the header (row 1): name it as a template "
                + "column, or clear the column", refusal(() -> XlsxRows.read(workbook, null, Map.of())));
    }

    @Test
    void aNamedSheetIsReadAndAMissingOneIsRefusedNamingTheSheetsThereAre() throws IOException {
        byte[] workbook = workbook("Notes", sheet -> sheet.value(0, 0, "not the data"));
        assertEquals("The workbook has no sheet named 'Findings'; its sheets are [Notes]",
                refusal(() -> XlsxRows.read(workbook, "Findings", Map.of())));
    }

    @Test
    void formulasAreReadAsTheValuesTheSpreadsheetSavedNeverEvaluated() throws IOException {
        byte[] workbook = handMade("""
                <row r="1"><c r="A1" t="inlineStr"><is><t>reference</t></is></c><c r="B1" t="inlineStr"><is><t>title</t></is></c>\
                <c r="C1" t="inlineStr"><is><t>method</t></is></c><c r="D1" t="inlineStr"><is><t>start_date</t></is></c>\
                <c r="E1" t="inlineStr"><is><t>place_codes</t></is></c><c r="F1" t="inlineStr"><is><t>participant_count</t></is></c></row>\
                <row r="2"><c r="A2" t="inlineStr"><is><t>HWB-2</t></is></c><c r="B2" t="str"><f>CONCAT("Drop","-in")</f><v>Drop-in saved</v></c>\
                <c r="C2" t="inlineStr"><is><t>Workshop</t></is></c><c r="D2" t="inlineStr"><is><t>2019-04-01</t></is></c>\
                <c r="E2" t="inlineStr"><is><t>blackpool</t></is></c><c r="F2"><f>SUM(6,6)</f><v>7</v></c></row>""");
        RawRow row = XlsxRows.read(workbook, null, Map.of()).get(0);
        assertEquals("Drop-in saved", row.activity().get("title"), "the saved text, not the formula's result");
        assertEquals("7", row.activity().get("participantCount"), "the saved value, not SUM(6,6)");
    }

    /**
     * A date cell whose serial number is past PostgreSQL's last day is the row's reason, as the same date in a CSV
     * is: past Java's last day the whole file was refused as unreadable, and past a long's it wrapped round to another day.
     */
    @Test
    void aDateCellBeyondPostgresqlsDaysIsTheRowsReasonNamingTheRule() throws IOException {
        List<String> serials = List.of("3000000000", "10000000000000", "18446744073709595154", "-10000000000000");
        byte[] workbook = workbook("Activities", sheet -> {
            header(sheet, "Reference", "Title", "Method", "Start date", "Place codes", "Participant count");
            for (int i = 0; i < serials.size(); i++) {
                sheet.value(i + 1, 0, "HWB-" + i);
                sheet.value(i + 1, 1, "Drop-in");
                sheet.value(i + 1, 2, "Workshop");
                sheet.value(i + 1, 3, new java.math.BigDecimal(serials.get(i)));
                sheet.style(i + 1, 3).format("dd/mm/yyyy").set();
                sheet.value(i + 1, 4, "blackpool");
                sheet.value(i + 1, 5, 12);
            }
        });
        RowReader reader = RowReaderTest.reader(UploadFields::csvColumn);
        List<RawRow> rows = XlsxRows.read(workbook, null, Map.of());
        assertEquals(serials.size(), rows.size());
        for (RawRow row : rows) {
            assertEquals(List.of("start_date: must be a date between 4713 BC and 5874897 AD"),
                    reader.read(row).reasons(), row.activity().get("reference") + " " + row.activity().get("startDate"));
        }
    }

    @Test
    void aCorruptOrPasswordProtectedWorkbookIsABadRequestSayingWhat() {
        String corrupt = refusal(
                () -> XlsxRows.read("PK\u0003\u0004 not really a zip".getBytes(StandardCharsets.ISO_8859_1), null,
                        Map.of()));
        assertTrue(corrupt.startsWith("The .xlsx workbook could not be read"), corrupt);
        byte[] ole2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0 };
        String locked = refusal(() -> XlsxRows.read(ole2, null, Map.of()));
        assertTrue(locked.contains("protected by a password"), locked);
    }

    /** The detail of the 400 malformed-upload problem the reading is refused with. */
    private static String refusal(org.junit.jupiter.api.function.Executable reading) {
        Problem problem = assertThrows(ProblemException.class, reading).toProblem(null);
        assertEquals(400, problem.status());
        assertEquals(Problem.TYPE_BASE + "malformed-upload", problem.type());
        return problem.detail();
    }

    interface SheetWriter {
        void write(Worksheet sheet);
    }

    static byte[] workbook(String sheetName, SheetWriter writer) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "Healthwatch", "1.0");
        writer.write(workbook.newWorksheet(sheetName));
        workbook.finish();
        return out.toByteArray();
    }

    private static void header(Worksheet sheet, String... names) {
        for (int i = 0; i < names.length; i++) {
            sheet.value(0, i, names[i]);
        }
    }

    /**
     * A workbook as a spreadsheet saves it, with the given rows as its one sheet's data: fastexcel writes the
     * package, and the sheet's cells are replaced by these, which carry formulas with their saved values as Excel
     * writes them (fastexcel saves no values for formulas).
     */
    private static byte[] handMade(String rows) throws IOException {
        Path written = Files.createTempFile("handmade", ".xlsx");
        Files.write(written, workbook("Sheet1", sheet -> sheet.value(0, 0, "placeholder")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // read through the central directory: the writer's entries give their sizes only after their data
        try (ZipFile in = new ZipFile(written.toFile()); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry : java.util.Collections.list(in.entries())) {
                String content = new String(in.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    content = content.replaceAll("(?s)<sheetData>.*</sheetData>|<sheetData/>",
                            "<sheetData>" + java.util.regex.Matcher.quoteReplacement(rows) + "</sheetData>")
                            .replaceAll("<dimension ref=\"[^\"]*\"/>", "");
                }
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(content.getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        Files.delete(written);
        return out.toByteArray();
    }
}
