package org.chorus.survey.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one JSON document where it lies in a byte buffer, for {@link StoredAnswers}: strict JSON, but only the few
 * calls an answer needs, and the survey's own ids come back as the definition's strings ({@link KnownIds}).
 */
final class JsonCursor {

    /** As deep as a stored document may nest before it is refused rather than read, as Jackson refuses it. */
    private static final int MAX_DEPTH = 1000;

    private final byte[] buffer;
    private final int end;
    private final KnownIds known;
    private int at;

    JsonCursor(byte[] buffer, int offset, int length, KnownIds known) {
        this.buffer = buffer;
        this.at = offset;
        this.end = offset + length;
        this.known = known;
    }

    void expect(char expected) throws IOException {
        if (peek() != expected) {
            throw failure("'" + expected + "'");
        }
        at++;
    }

    /** Takes {@code expected} if it comes next. */
    boolean take(char expected) {
        if (peek() != expected) {
            return false;
        }
        at++;
        return true;
    }

    /** Takes a {@code null} if one comes next. */
    boolean takeNull() throws IOException {
        if (peek() != 'n') {
            return false;
        }
        literal("null");
        return true;
    }

    /** After an object's opening brace: its first member's name, or null when it is empty. */
    String firstName() throws IOException {
        return take('}') ? null : name();
    }

    /** After a member's value: the next member's name, or null at the object's end. */
    String nextName() throws IOException {
        if (take('}')) {
            return null;
        }
        expect(',');
        return name();
    }

    List<String> strings() throws IOException {
        expect('[');
        List<String> values = new ArrayList<>();
        if (take(']')) {
            return values;
        }
        do {
            values.add(string());
        } while (take(','));
        expect(']');
        return values;
    }

    String string() throws IOException {
        expect('"');
        int start = at;
        int hash = 0;
        for (; at < end; at++) {
            byte b = buffer[at];
            if (b == '"') {
                String id = known.find(buffer, start, at - start, hash);
                String value = id != null ? id : new String(buffer, start, at - start, StandardCharsets.UTF_8);
                at++;
                return value;
            }
            if (b == '\\') {
                return escaped(start);
            }
            if (b >= 0 && b < 0x20) {
                throw failure("no control character inside a string");
            }
            hash = KnownIds.hash(hash, b);
        }
        throw failure("the end of a string");
    }

    /** A whole number that fits an int, as a rating is. */
    int integer() throws IOException {
        boolean negative = peek() == '-';
        if (negative) {
            at++;
        }
        int start = at;
        long value = 0;
        while (at < end && buffer[at] >= '0' && buffer[at] <= '9' && value <= Integer.MAX_VALUE + 1L) {
            value = value * 10 + (buffer[at++] - '0');
        }
        long signed = negative ? -value : value;
        if (at == start || signed < Integer.MIN_VALUE || signed > Integer.MAX_VALUE
                || at < end && (buffer[at] == '.' || buffer[at] == 'e' || buffer[at] == 'E'
                        || buffer[at] >= '0' && buffer[at] <= '9')) {
            throw failure("a whole number within an int's range");
        }
        return (int) signed;
    }

    boolean bool() throws IOException {
        if (peek() == 't') {
            literal("true");
            return true;
        }
        literal("false");
        return false;
    }

    /** Skips a value of any kind, as a reader skips fields it does not know. */
    void skipValue() throws IOException {
        skipValue(0);
    }

    private void skipValue(int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw failure("nesting at most " + MAX_DEPTH + " deep");
        }
        switch (peek()) {
            case '{' -> {
                at++;
                for (String name = firstName(); name != null; name = nextName()) {
                    skipValue(depth + 1);
                }
            }
            case '[' -> {
                at++;
                if (!take(']')) {
                    do {
                        skipValue(depth + 1);
                    } while (take(','));
                    expect(']');
                }
            }
            case '"' -> string();
            case 't', 'f' -> bool();
            case 'n' -> literal("null");
            default -> skipNumber();
        }
    }

    private void skipNumber() throws IOException {
        int start = at;
        while (at < end && (buffer[at] >= '0' && buffer[at] <= '9' || buffer[at] == '-' || buffer[at] == '+'
                || buffer[at] == '.' || buffer[at] == 'e' || buffer[at] == 'E')) {
            at++;
        }
        if (at == start) {
            throw failure("a value");
        }
    }

    private String name() throws IOException {
        String name = string();
        expect(':');
        return name;
    }

    /** The rest of a string that holds escapes, decoded; rare in answers, so built the plain way. */
    private String escaped(int start) throws IOException {
        StringBuilder text = new StringBuilder(new String(buffer, start, at - start, StandardCharsets.UTF_8));
        while (at < end) {
            byte b = buffer[at];
            if (b == '"') {
                at++;
                return text.toString();
            }
            if (b == '\\') {
                at++;
                text.append(unescaped());
                continue;
            }
            // UTF-8 never uses an ASCII byte inside a longer character, so a run can end only at one
            int run = at;
            while (at < end && buffer[at] != '"' && buffer[at] != '\\' && (buffer[at] < 0 || buffer[at] >= 0x20)) {
                at++;
            }
            if (at == run) {
                throw failure("no control character inside a string");
            }
            text.append(new String(buffer, run, at - run, StandardCharsets.UTF_8));
        }
        throw failure("the end of a string");
    }

    private char unescaped() throws IOException {
        if (at >= end) {
            throw failure("an escaped character");
        }
        return switch (buffer[at++]) {
            case '"' -> '"';
            case '\\' -> '\\';
            case '/' -> '/';
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> hexCharacter();
            default -> throw failure("a valid escape");
        };
    }

    private char hexCharacter() throws IOException {
        if (at + 4 > end) {
            throw failure("four hex digits");
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(buffer[at++], 16);
            if (digit < 0) {
                throw failure("four hex digits");
            }
            value = value * 16 + digit;
        }
        return (char) value;
    }

    private void literal(String word) throws IOException {
        for (int i = 0; i < word.length(); i++) {
            if (at >= end || buffer[at] != word.charAt(i)) {
                throw failure(word);
            }
            at++;
        }
    }

    /** The next byte that is not a blank, without taking it; -1 at the end. */
    private int peek() {
        while (at < end && (buffer[at] == ' ' || buffer[at] == '\n' || buffer[at] == '\r' || buffer[at] == '\t')) {
            at++;
        }
        return at < end ? buffer[at] & 0xFF : -1;
    }

    private IOException failure(String expected) {
        return new IOException("Stored answers: expected " + expected + " at byte " + at + " of the document");
    }
}
