package org.chorus.insight.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.chorus.platform.web.problem.Problem;
import org.chorus.platform.web.problem.ProblemException;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * Reading a CSV upload as spreadsheets write it, without HTTP: byte order mark, CRLF or LF, quoted commas, quotes and
 * line breaks, rows of one activity joined, and files that cannot be read refused with a 400 saying why.
 */
class CsvRowsTest {

    private static final String HEADER = "reference,title,method,start_date,place_codes,participant_count,"
            + "groups_reached,finding_statement,finding_quotes";

    @Test
    void readsWhatASpreadsheetSavesAsCsvUtf8() {
        List<RawRow> rows = read("\uFEFF" + HEADER + "\r\n"
                + "HWC-1,\"Conversations, Carlisle\",In depth conversation,2019-06-01,carlisle,38,"
                + "\"seldom-heard groups; LGBT+\",Support at home matters,"
                + "\"Being at home helps me get better.\r\nThe carers said \"\"hello\"\".\"\r\n"
                + "HWC-2,  Drop-in  ,Workshop,2019-06-02,carlisle; eden,4,,,\r\n");

        assertEquals(2, rows.size());
        RawRow first = rows.get(0);
        assertEquals(2, first.row(), "the header is row 1");
        assertEquals("Conversations, Carlisle", first.activity().get("title"));
        assertEquals(List.of("seldom-heard groups", "LGBT+"), first.activity().get("groupsReached"));
        assertEquals(List.of(Map.of("statement", "Support at home matters", "quotes",
                List.of("Being at home helps me get better.", "The carers said \"hello\"."))), first.findings());
        RawRow second = rows.get(1);
        assertEquals(3, second.row(), "a record is one row, whatever line breaks its cells hold");
        assertEquals("Drop-in", second.activity().get("title"), "cells are stripped");
        assertEquals(List.of("carlisle", "eden"), second.activity().get("placeCodes"));
        assertEquals(List.of(), second.findings(), "no finding columns filled, no finding");
    }

    @Test
    void blankRowsAreSkippedButStillCountedAsRowsOfTheSheet() {
        List<RawRow> rows = read(HEADER + "\n" + "A,One,Workshop,2019-01-01,x,1,,,\n" + ",,,,,,,,\n"
                + "B,Two,Workshop,2019-01-01,x,1,,,\n");
        assertEquals(List.of(2, 4), rows.stream().map(RawRow::row).toList());
    }

    @Test
    void rowsSharingAReferenceAreOneActivityWithAFindingEach() {
        List<RawRow> rows = read(HEADER + "\r\n"
                + "A,Focus group,Focus group,2019-01-01,x,10,,Long waits,\r\n"
                + "B,Other,Workshop,2019-01-01,x,1,,,\r\n"
                + "A,,,,,,,Kind staff,\r\n");
        assertEquals(List.of("A", "B"), rows.stream().map(r -> r.activity().get("reference")).toList());
        RawRow joined = rows.get(0);
        assertEquals(List.of(2, 4), joined.rows());
        assertEquals(List.of("Long waits", "Kind staff"), joined.findings().stream().map(f -> f.get("statement")).toList());
        assertEquals(null, joined.activity().get("_problem"), "blank activity columns after the first row agree");
    }

    @Test
    void rowsOfOneReferenceThatDisagreeAboutTheActivityAreReported() {
        RawRow joined = read(HEADER + "\r\n"
                + "A,Focus group,Focus group,2019-01-01,x,10,,,\r\n"
                + "A,Workshop,Focus group,2019-01-01,x,10,,,\r\n").get(0);
        assertEquals("row 3 gives title 'Workshop' where an earlier row of this reference gives 'Focus group'; "
                + "repeat the activity's columns exactly on each of its rows, or leave them blank",
                joined.activity().get("_problem"));
    }

    @Test
    void columnsMayComeInAnyOrder() {
        RawRow row = read("participant_count,place_codes,start_date,method,title,reference\r\n"
                + "7,x,2019-01-01,Workshop,Reordered,R\r\n").get(0);
        assertEquals("Reordered", row.activity().get("title"));
        assertEquals("7", row.activity().get("participantCount"));
    }

    @Test
    void columnsNamedAsPeopleWriteThemAreTheTemplatesColumns() {
        RawRow row = read("Reference,Title,Method,Start Date,Place codes,Participant count,Finding statement\r\n"
                + "R,Drop-in,Workshop,2019-01-01,x,7,Waits\r\n").get(0);
        assertEquals("2019-01-01", row.activity().get("startDate"));
        assertEquals("Waits", row.findings().get(0).get("statement"));
        assertEquals("Unknown columns [finding statment; did you mean finding_statement?]; the columns are "
                + UploadFields.csvHeader(), malformed((HEADER + ",finding statment\r\nA,T,Workshop,2019-01-01,x,1,,,,W\r\n")
                        .getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aFileThatIsNotTheTemplatesCsvIsRefusedSayingWhy() {
        assertEquals("Unknown columns [colour]; the columns are " + UploadFields.csvHeader(),
                malformed((HEADER + ",colour\r\nA,T,Workshop,2019-01-01,x,1,,,,red\r\n").getBytes(StandardCharsets.UTF_8)));
        assertEquals("Missing columns [start_date, place_codes]; see GET /api/v1/uploads/template.csv",
                malformed("reference,title,method,participant_count\r\nA,T,Workshop,1\r\n"
                        .getBytes(StandardCharsets.UTF_8)));
        assertEquals("The file is not UTF-8 text; save it as \"CSV UTF-8\"",
                malformed((HEADER + "\r\nA,Caf\u00e9,Workshop,2019-01-01,x,1,,,\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1)));
        assertTrue(malformed((HEADER + "\r\nA,\"never closed,Workshop\r\n").getBytes(StandardCharsets.UTF_8))
                .startsWith("The CSV could not be read after row 1: "));
    }

    @Test
    void aFileSeparatedBySemicolonsOrTabsIsToldToUseCommas() {
        String advice = ", not commas; save the file as \"CSV UTF-8 (Comma delimited)\", or send the workbook as .xlsx";
        assertEquals("The columns are separated by semicolons" + advice,
                malformed((HEADER.replace(',', ';') + "\r\nA;T;Workshop;2019-01-01;x;1;;;\r\n")
                        .getBytes(StandardCharsets.UTF_8)));
        assertEquals("The columns are separated by tabs" + advice,
                malformed((HEADER.replace(',', '\t') + "\r\nA\tT\tWorkshop\t2019-01-01\tx\t1\t\t\t\r\n")
                        .getBytes(StandardCharsets.UTF_8)));
        assertEquals("Unknown columns [colour;size]; the columns are " + UploadFields.csvHeader(),
                malformed("colour;size\r\nred;big\r\n".getBytes(StandardCharsets.UTF_8)),
                "semicolons between names that are not the template's say nothing of separators");
    }

    @Test
    void twoColumnsGivingTheSameTemplateColumnAreRefusedRatherThanOneQuietlyWinning() {
        assertEquals("Columns [title, title] all give title; keep one of them",
                malformed((HEADER + ",title\r\nA,First,Workshop,2019-01-01,x,1,,,,Second\r\n")
                        .getBytes(StandardCharsets.UTF_8)));
        assertEquals("Columns [start_date, Start date] all give start_date; keep one of them",
                malformed((HEADER + ",Start date\r\nA,T,Workshop,2019-01-01,x,1,,,,2019-02-01\r\n")
                        .getBytes(StandardCharsets.UTF_8)));
        assertEquals("Columns [Date of event, start_date] all give start_date; keep one of them",
                assertThrows(ProblemException.class, () -> CsvRows.read(("reference,title,method,Date of event,"
                        + "place_codes,participant_count,start_date\r\nA,T,Workshop,2019-01-01,x,1,2019-02-01\r\n")
                        .getBytes(StandardCharsets.UTF_8), Map.of("Date of event", "start_date")))
                        .toProblem(null).detail());
    }

    @Test
    void aCommaOutsideQuotesThatShiftsTheCellsIsRefusedNamingItsRow() {
        int columns = HEADER.split(",").length;
        String shifted = "A,Conversations, Carlisle" + ",x".repeat(columns - 2);
        assertEquals("Row 3 has " + (columns + 1) + " cells but the header names " + columns
                + " columns: put a cell holding a comma in double quotes",
                malformed((HEADER + "\r\n" + ",".repeat(columns - 1) + "\r\n" + shifted + "\r\n")
                        .getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, CsvRows.read((HEADER + "\r\nA,T,Workshop,2019-01-01,x,1" + ",".repeat(columns - 5) + "\r\n")
                .getBytes(StandardCharsets.UTF_8), Map.of()).size(), "blank cells past the header are harmless");
    }

    /**
     * Excel saves an empty header cell, and empty cells under it, for each column that was only formatted or once held
     * something: such columns are no columns at all. A value under a header cell left empty is refused, naming the
     * column as the spreadsheet does, rather than dropped.
     */
    @Test
    void columnsWithoutANameAreSkippedWhileEmptyAndRefusedNamingTheColumnOnceTheyHoldAValue() {
        List<RawRow> rows = read(HEADER + ",,\r\nA,T,Workshop,2019-01-01,x,1,,Waits are too long,,,\r\n,,,,,,,,,,\r\n");
        assertEquals(1, rows.size());
        assertEquals(List.of(Map.of("statement", "Waits are too long")), rows.get(0).findings());

        assertEquals("Row 3 has a value in column K, which has no name in the header (row 1): name it as a template "
                + "column, or clear the column", malformed((HEADER + ",,\r\nA,T,Workshop,2019-01-01,x,1,,,,,\r\n"
                + "B,T,Workshop,2019-01-01,x,1,,,,,a note\r\n").getBytes(StandardCharsets.UTF_8)));
        assertEquals("Row 2 has a value in column B, which has no name in the header (row 1): name it as a template "
                + "column, or clear the column", malformed(HEADER.replace(",title,", ",,title,").concat(
                        "\r\nA,x,T,Workshop,2019-01-01,x,1,,,\r\n").getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, read(HEADER.replace(",title,", ",,title,") + "\r\nA,,T,Workshop,2019-01-01,x,1,,,\r\n").size(),
                "an empty column without a name between named ones is no column either");
    }

    @Test
    void spreadsheetColumnsAreNamedByLettersAsSpreadsheetsNameThem() {
        assertEquals(List.of("A", "B", "Z", "AA", "AZ", "BA", "ZZ", "AAA", "XFD"), java.util.stream.IntStream
                .of(0, 1, 25, 26, 51, 52, 701, 702, 16_383).mapToObj(SheetGrid::columnLetters).toList());
    }

    /**
     * Generated sheets written by Apache Commons CSV (as Excel writes them, CRLF or LF, with or without a byte order
     * mark), with commas, quotes, semicolons, line breaks and non-Latin text in the cells: read back cell for cell.
     */
    @RepeatedTest(200)
    void readsBackWhatACsvWriterWrote(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        String lineEnding = random.nextBoolean() ? "\r\n" : "\n";
        List<String[]> written = new ArrayList<>();
        for (int i = 0; i < random.nextInt(1, 8); i++) {
            String places = String.join("; ", words(random, 1, 4));
            String quotes = String.join(random.nextBoolean() ? "\r\n" : "\n", words(random, 0, 3));
            written.add(new String[] { "R-" + i, "T" + text(random), "Workshop", "2019-01-01", places,
                    Integer.toString(random.nextInt(1000)), "", "S" + text(random), quotes });
        }
        String csv = write(written, lineEnding);
        List<RawRow> rows = read((random.nextBoolean() ? "\uFEFF" : "") + csv);

        assertEquals(written.size(), rows.size(), csv);
        for (int i = 0; i < rows.size(); i++) {
            String[] cells = written.get(i);
            RawRow row = rows.get(i);
            assertEquals(i + 2, row.row());
            assertEquals(cells[1].strip(), row.activity().get("title"), csv);
            assertEquals(Arrays.stream(cells[4].split(";")).map(String::strip).toList(),
                    row.activity().get("placeCodes"), csv);
            assertEquals(cells[7].strip(), row.findings().get(0).get("statement"), csv);
            List<String> quotes = cells[8].lines().map(String::strip).filter(q -> !q.isEmpty()).toList();
            assertEquals(quotes.isEmpty() ? null : quotes, row.findings().get(0).get("quotes"), csv);
        }
    }

    private static List<RawRow> read(String csv) {
        return CsvRows.read(csv.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    private static String malformed(byte[] content) {
        ProblemException refused = assertThrows(ProblemException.class, () -> CsvRows.read(content, Map.of()));
        Problem problem = refused.toProblem(null);
        assertEquals(400, problem.status());
        assertEquals(Problem.TYPE_BASE + "malformed-upload", problem.type());
        return problem.detail();
    }

    private static String write(List<String[]> rows, String lineEnding) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.EXCEL.builder().setRecordSeparator(lineEnding).get())) {
            printer.printRecord((Object[]) HEADER.split(","));
            for (String[] row : rows) {
                printer.printRecord((Object[]) row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Up to 40 characters of what people type into cells, spreadsheet syntax included. */
    private static String text(Random random) {
        String[] pieces = { "a", "Z", " ", ",", "\"", ";", "\r\n", "\n", "'", "=", "é", "ł", "😀", "٣", "café", "  " };
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(0, 40); i > 0; i--) {
            text.append(pieces[random.nextInt(pieces.length)]);
        }
        return text.toString();
    }

    private static List<String> words(Random random, int least, int most) {
        List<String> words = new ArrayList<>();
        for (int i = random.nextInt(least, most + 1); i > 0; i--) {
            words.add("w" + random.nextInt(100) + (random.nextBoolean() ? " \"q\", é" : ""));
        }
        return words;
    }
}
