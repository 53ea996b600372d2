package org.chorus.survey.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
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
}
