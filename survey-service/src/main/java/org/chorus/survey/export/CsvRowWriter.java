package org.chorus.survey.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
    /** One row at a time, encoded cell by cell into bytes, then written whole. */
    private byte[] row = new byte[4096];
    private int length;

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
        length = 0;
        for (int i = 0; i < names.size(); i++) {
            separate(i);
            text(FormulaGuard.defused(names.get(i)));
        }
        endRow();
    }

    /**
     * Most cells of an export are 0/1 flags and ranks: a number cell that holds a plain number goes out as it is, with
     * nothing to quote or defuse; every other cell is a text cell, defused and quoted as it needs.
     */
    @Override
    public void row(List<String> values) throws IOException {
        length = 0;
        for (int i = 0; i < values.size(); i++) {
            separate(i);
            String value = values.get(i);
            if (value == null || value.isEmpty()) {
                continue;
            }
            if (FormulaGuard.bareNumber(value, kinds, i)) {
                number(value);
            } else {
                text(FormulaGuard.defused(value));
            }
        }
        endRow();
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }

    private void separate(int column) {
        if (column > 0) {
            put((byte) ',');
        }
    }

    /** Digits, a minus and a point: ASCII, one byte a character. */
    private void number(String value) {
        ensure(value.length());
        for (int i = 0; i < value.length(); i++) {
            row[length++] = (byte) value.charAt(i);
        }
    }

    /**
     * RFC 4180 as Excel reads it, written by hand: a general CSV library's per-cell quoting checks cost more than
     * writing them.
     */
    private void text(String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        String cell = oneLinePerRow ? oneLine(value) : value;
        if (needsQuotes(cell)) {
            cell = '"' + cell.replace("\"", "\"\"") + '"';
        }
        byte[] bytes = cell.getBytes(StandardCharsets.UTF_8);
        ensure(bytes.length);
        System.arraycopy(bytes, 0, row, length, bytes.length);
        length += bytes.length;
    }

    private void endRow() throws IOException {
        put((byte) '\r');
        put((byte) '\n');
        out.write(row, 0, length);
    }

    private void put(byte b) {
        ensure(1);
        row[length++] = b;
    }

    private void ensure(int more) {
        if (length + more > row.length) {
            row = Arrays.copyOf(row, Math.max(row.length * 2, length + more));
        }
    }

    /** CRLF, CR and LF each become one space; most answers have none, and are returned as they are. */
    static String oneLine(String value) {
        if (value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return value.replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ');
    }

    /**
     * Separators, quotes and line breaks must be quoted; so must edge spaces, which Excel would otherwise trim. Four
     * searches of the whole value cost less than one loop over its characters: the JDK searches a string for one
     * character with vector instructions, and most cells have none of them.
     */
    static boolean needsQuotes(String value) {
        char first = value.charAt(0);
        char last = value.charAt(value.length() - 1);
        return first == ' ' || first == '\t' || last == ' ' || last == '\t' || value.indexOf(',') >= 0
                || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0;
    }
}
