package org.chorus.survey.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * Whatever respondents type comes back cell for cell when a standard CSV reader (as Excel's) opens the export, but for
 * the apostrophe that keeps a formula-like text cell (even "-3" typed as text) from being evaluated.
 */
class CsvRowWriterTest {

    @Test
    void awkwardAnswersSurviveARoundTrip() throws IOException {
        List<String> awkward = Arrays.asList("plain", "", null, "1", "a, b", "say \"no\"", "two\r\nlines", "lone\n",
                " leading", "trailing ", ",", "\"", "-3", "-minus", "=SUM(A1)");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvRowWriter writer = new CsvRowWriter(out, Collections.nCopies(awkward.size(), CellKind.TEXT));
        writer.header(List.of("a", "b"));
        writer.row(awkward);
        writer.finish();

        String csv = out.toString(StandardCharsets.UTF_8);
        assertEquals('\uFEFF', csv.charAt(0));
        List<CSVRecord> records = CSVFormat.EXCEL.parse(new StringReader(csv.substring(1))).getRecords();
        List<String> expected = Arrays.asList("plain", "", "", "1", "a, b", "say \"no\"", "two\r\nlines", "lone\n",
                " leading", "trailing ", ",", "\"", "'-3", "'-minus", "'=SUM(A1)");
        assertEquals(expected, records.get(1).toList());
        assertEquals(2, records.size());
    }

    /**
     * Rows of generated cells, numbers and text in columns of either kind, come back from a standard CSV reader as
     * the formula guard leaves them: bare numbers in number columns, everything else defused. Cells long enough to
     * outgrow the row buffer, and characters of one to four UTF-8 bytes, are among them.
     */
    @RepeatedTest(200)
    void everyCellReadsBackAsTheFormulaGuardLeftIt(RepetitionInfo repetition) throws IOException {
        Random random = new Random(repetition.getCurrentRepetition());
        int columns = 1 + random.nextInt(40);
        List<CellKind> kinds = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (int i = 0; i < columns; i++) {
            kinds.add(random.nextBoolean() ? CellKind.NUMBER : CellKind.TEXT);
            values.add(cell(random));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvRowWriter writer = new CsvRowWriter(out, kinds);
        writer.row(values);
        writer.row(values);
        writer.finish();

        List<CSVRecord> records = CSVFormat.EXCEL.parse(new StringReader(out.toString(StandardCharsets.UTF_8)
                .substring(1))).getRecords();
        List<String> expected = FormulaGuard.defused(values, kinds).stream().map(v -> v == null ? "" : v).toList();
        assertEquals(2, records.size());
        assertEquals(expected, records.get(0).toList());
        assertEquals(expected, records.get(1).toList());
    }

    private static String cell(Random random) {
        String[] numbers = {"0", "1", "7", "-3", "12.5", "-0.25", "2026"};
        String awkward = "ab ,\"\r\n\t=+-@'.0123456789ŵ€😀＝";
        return switch (random.nextInt(4)) {
            case 0 -> null;
            case 1 -> numbers[random.nextInt(numbers.length)];
            default -> {
                int length = random.nextInt(8) == 0 ? 3000 + random.nextInt(3000) : random.nextInt(12);
                StringBuilder text = new StringBuilder();
                while (text.length() < length) {
                    text.appendCodePoint(awkward.codePointAt(awkward.offsetByCodePoints(0,
                            random.nextInt(awkward.codePointCount(0, awkward.length())))));
                }
                yield text.toString();
            }
        };
    }
}
