package org.chorus.survey.export;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One line of PostgreSQL's {@code COPY ... TO STDOUT} text format, split into its fields: tab-separated, {@code \N}
 * for null, and backslash escapes for backslash, tab, line breaks and other control characters. Bytes are split as
 * they are: no UTF-8 sequence contains a tab or a backslash byte.
 */
final class CopyTextFields {

    private static final byte TAB = '\t';
    private static final byte BACKSLASH = '\\';

    private final byte[] line;
    private final int[] starts;
    private final int[] ends;

    private CopyTextFields(byte[] line, int[] starts, int[] ends) {
        this.line = line;
        this.starts = starts;
        this.ends = ends;
    }

    /** @param line one row as COPY sends it, with or without its closing line feed */
    static CopyTextFields split(byte[] line, int fields) {
        int length = line.length > 0 && line[line.length - 1] == '\n' ? line.length - 1 : line.length;
        int[] starts = new int[fields];
        int[] ends = new int[fields];
        int field = 0;
        int start = 0;
        for (int i = 0; i <= length && field < fields; i++) {
            if (i == length || line[i] == TAB) {
                starts[field] = start;
                ends[field++] = i;
                start = i + 1;
            }
        }
        if (field != fields) {
            throw new IllegalStateException("COPY row has " + field + " fields, expected " + fields);
        }
        return new CopyTextFields(line, starts, ends);
    }

    boolean isNull(int field) {
        return ends[field] - starts[field] == 2 && line[starts[field]] == BACKSLASH && line[starts[field] + 1] == 'N';
    }

    /** @return the field's text, or null for SQL null */
    String text(int field) {
        if (isNull(field)) {
            return null;
        }
        byte[] bytes = bytes(field);
        return new String(bytes, 0, bytes.length, StandardCharsets.UTF_8);
    }

    /** The field's bytes with escapes undone; a copy only when it had escapes or does not span the whole line. */
    byte[] bytes(int field) {
        int start = starts[field];
        int end = ends[field];
        for (int i = start; i < end; i++) {
            if (line[i] == BACKSLASH) {
                return unescape(start, end);
            }
        }
        return start == 0 && end == line.length ? line : Arrays.copyOfRange(line, start, end);
    }

    long number(int field) {
        long value = 0;
        boolean negative = line[starts[field]] == '-';
        for (int i = negative ? starts[field] + 1 : starts[field]; i < ends[field]; i++) {
            value = value * 10 + (line[i] - '0');
        }
        return negative ? -value : value;
    }

    private byte[] unescape(int start, int end) {
        byte[] out = new byte[end - start];
        int n = 0;
        for (int i = start; i < end; i++) {
            byte b = line[i];
            if (b != BACKSLASH || i + 1 == end) {
                out[n++] = b;
                continue;
            }
            byte next = line[++i];
            switch (next) {
                case 'b' -> out[n++] = '\b';
                case 'f' -> out[n++] = '\f';
                case 'n' -> out[n++] = '\n';
                case 'r' -> out[n++] = '\r';
                case 't' -> out[n++] = '\t';
                case 'v' -> out[n++] = 0x0B;
                default -> out[n++] = next;
            }
        }
        return Arrays.copyOf(out, n);
    }
}
