package org.chorus.survey.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;


/**
 * CSV that Excel opens as it should: a UTF-8 byte order mark (or Excel guesses a legacy code page), CRLF rows,
 * quoting around commas, quotes and line breaks inside answers, and respondents' text that starts like a formula
 * prefixed with an apostrophe ({@link FormulaGuard}), so that opening an export never runs what someone typed into a survey.
 */
final class CsvRowWriter implements RowWriter {

    private static final byte[] BOM = "\uFEFF".getBytes(StandardCharsets.UTF_8);

    private final OutputStream out;
    private final List<CellKind> kinds;
    /** Whether line breaks inside answers become spaces, so that each row is one line. */
    private final boolean oneLinePerRow;
    /** One row at a time, encoded whole: String's own UTF-8 encoding is far faster than a Writer's char by char. */
    private final StringBuilder row = new StringBuilder(1024);

    CsvRowWriter(OutputStream out, List<CellKind> kinds) throws IOException {
        this(out, kinds, Reader.SPREADSHEET);
    }

    CsvRowWriter(OutputStream out, List<CellKind> kinds, Reader reader) throws IOException {
        this.kinds = kinds;
        this.out = new BufferedOutputStream(out, 64 * 1024);
        // statistics packages are told the encoding; to them a byte order mark would start the first column's name
        this.oneLinePerRow = switch (reader) {
            case SPREADSHEET -> false;
            case STATISTICS -> true;
        };
        if (!oneLinePerRow) {
            this.out.write(BOM);
        }
    }

    /** Who the CSV is written for. */
    enum Reader {
        /** Excel and the like: a byte order mark, and answers exactly as given. */
        SPREADSHEET,
        /**
         * SPSS and PSPP, which read one line per case and cannot read a line break inside a quoted field: each line
         * break in an answer becomes a space. No byte order mark.
         */
        STATISTICS
    }

    @Override
    public void header(List<String> names) throws IOException {
        write(names.stream().map(FormulaGuard::defused).toList());
    }

    @Override
    public void row(List<String> values) throws IOException {
        write(FormulaGuard.defused(values, kinds));
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }

    /**
     * RFC 4180 as Excel reads it, written by hand: most cells of an export are 0/1 flags, and a general CSV
     * library's per-cell quoting checks cost more than writing them.
     */
    private void write(List<String> values) throws IOException {
        row.setLength(0);
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                row.append(',');
            }
            String value = values.get(i);
            if (value == null || value.isEmpty()) {
                continue;
            }
            if (oneLinePerRow) {
                value = oneLine(value);
            }
            if (needsQuotes(value)) {
                row.append('"').append(value.replace("\"", "\"\"")).append('"');
            } else {
                row.append(value);
            }
        }
        row.append("\r\n");
        out.write(row.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** CRLF, CR and LF each become one space; most answers have none, and are returned as they are. */
    static String oneLine(String value) {
        if (value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return value.replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ');
    }

    /** Separators, quotes and line breaks must be quoted; so must edge spaces, which Excel would otherwise trim. */
    static boolean needsQuotes(String value) {
        if (value.length() == 1) {
            char only = value.charAt(0);
            return only == ',' || only == '"' || only == '\r' || only == '\n' || only == ' ' || only == '\t';
        }
        char first = value.charAt(0);
        char last = value.charAt(value.length() - 1);
        if (first == ' ' || first == '\t' || last == ' ' || last == '\t') {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }
}
