package org.chorus.survey.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV that Excel opens as it should: a UTF-8 byte order mark (or Excel guesses a legacy code page), CRLF rows,
 * quoting around commas, quotes and line breaks inside answers, and respondents' text that starts like a formula
 * prefixed with an apostrophe, so that opening an export never runs what someone typed into a survey.
 */
final class CsvRowWriter implements RowWriter {

    private static final char BOM = '\uFEFF';

    private final BufferedWriter writer;
    private final CSVPrinter printer;

    CsvRowWriter(OutputStream out) throws IOException {
        writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        writer.write(BOM);
        printer = new CSVPrinter(writer, CSVFormat.EXCEL);
    }

    @Override
    public void header(List<String> names) throws IOException {
        printer.printRecord(names);
    }

    @Override
    public void row(List<String> values) throws IOException {
        for (String value : values) {
            printer.print(defused(value));
        }
        printer.println();
    }

    @Override
    public void finish() throws IOException {
        printer.flush();
    }

    static String defused(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        boolean formulaLike = first == '=' || first == '+' || first == '@' || first == '\t' || first == '\r'
                || first == '-' && value.length() > 1 && !Character.isDigit(value.charAt(1));
        return formulaLike ? "'" + value : value;
    }
}
