package org.chorus.platform.web.input;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HexFormat;
import java.util.List;
import java.util.StringJoiner;

import org.chorus.platform.web.problem.ProblemException;

/**
 * Passes a body through unchanged while checking that it is well-formed UTF-8 (RFC 3629), and refuses it at the first
 * character that is not. Jackson reads overlong forms without complaint (C0 AF as "/", C1 BF as DEL), so what was
 * stored would not be what was sent, and refuses the other forbidden sequences without saying that the encoding is
 * the fault.
 */
final class StrictUtf8InputStream extends FilterInputStream {

    static final String RULE = "send JSON in UTF-8, as RFC 8259 asks";

    /** Continuation bytes the character under way still needs. */
    private int needed;
    /** The range the next continuation byte must fall in: narrower after E0, ED, F0 and F4. */
    private int lower = 0x80;
    private int upper = 0xBF;
    private long offset;
    /** Where the character under way started, and its bytes so far (one a byte, last lowest), for a refusal. */
    private long characterStart;
    private int characterBytes;
    private int characterLength;

    StrictUtf8InputStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b < 0) {
            atEnd();
        } else {
            check(b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int from, int length) throws IOException {
        int count = super.read(buffer, from, length);
        if (count < 0) {
            atEnd();
        }
        for (int i = from; i < from + count; i++) {
            check(buffer[i] & 0xFF);
        }
        return count;
    }

    /** Skipped bytes are read and checked too, since a skip would otherwise pass them unseen. */
    @Override
    public long skip(long count) throws IOException {
        byte[] scratch = new byte[(int) Math.min(8192, Math.max(0, count))];
        long skipped = 0;
        while (skipped < count) {
            int read = read(scratch, 0, (int) Math.min(scratch.length, count - skipped));
            if (read < 0) {
                break;
            }
            skipped += read;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void check(int b) {
        if (needed > 0) {
            keep(b);
            if (b < lower || b > upper) {
                refuse();
            }
            lower = 0x80;
            upper = 0xBF;
            needed--;
        } else if (b >= 0x80) {
            characterStart = offset;
            characterLength = 0;
            keep(b);
            start(b);
        }
        offset++;
    }

    /** The first byte of a character of two to four bytes, as RFC 3629's table 4 allows them. */
    private void start(int b) {
        if (b >= 0xC2 && b <= 0xDF) {
            needed = 1;
        } else if (b >= 0xE0 && b <= 0xEF) {
            needed = 2;
            lower = b == 0xE0 ? 0xA0 : 0x80;
            upper = b == 0xED ? 0x9F : 0xBF;
        } else if (b >= 0xF0 && b <= 0xF4) {
            needed = 3;
            lower = b == 0xF0 ? 0x90 : 0x80;
            upper = b == 0xF4 ? 0x8F : 0xBF;
        } else {
            refuse();
        }
    }

    private void atEnd() {
        if (needed > 0) {
            throw refusal(", where it ends inside a character");
        }
    }

    private void refuse() {
        throw refusal("");
    }

    private void keep(int b) {
        characterBytes = characterBytes << 8 | b;
        characterLength++;
    }

    private ProblemException refusal(String why) {
        StringJoiner bytes = new StringJoiner(" ");
        for (int i = characterLength - 1; i >= 0; i--) {
            bytes.add(HexFormat.of().withUpperCase().toHexDigits((byte) (characterBytes >> 8 * i)));
        }
        return ProblemException.badRequest("malformed-body", "Request body is not valid JSON", "The body is not UTF-8 "
                + "at byte " + characterStart + " (" + bytes + ")" + why + "; " + RULE, List.of());
    }
}
