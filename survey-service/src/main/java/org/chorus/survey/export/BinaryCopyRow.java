package org.chorus.survey.export;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/**
 * One row of PostgreSQL's binary {@code COPY ... TO STDOUT}: each field comes with its length, so nothing is scanned
 * for separators or escapes, and identifiers and times come as numbers rather than as text to parse. PostgreSQL sends
 * each row as one message, the file header in front of the first and the trailer as a message of its own.
 */
final class BinaryCopyRow {

    /** What every binary COPY starts with, followed by 32-bit flags and the length of a header extension. */
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    /** PostgreSQL's own epoch, from which its binary timestamps count microseconds. */
    private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L;
    /** The version byte in front of a jsonb value's text. */
    private static final byte JSONB_VERSION = 1;

    private final byte[] message;
    private final int[] starts;
    private final int[] lengths;

    private BinaryCopyRow(byte[] message, int[] starts, int[] lengths) {
        this.message = message;
        this.starts = starts;
        this.lengths = lengths;
    }

    /**
     * @param first whether this is the first message of the COPY, which carries the file header
     * @return the row, or null for the trailer that ends the COPY
     */
    static BinaryCopyRow read(byte[] message, boolean first, int fields) {
        int at = first ? afterHeader(message) : 0;
        short count = (short) int16(message, at);
        at += 2;
        if (count == -1) {
            return null;
        }
        if (count != fields) {
            throw new IllegalStateException("COPY row has " + count + " fields, expected " + fields);
        }
        int[] starts = new int[fields];
        int[] lengths = new int[fields];
        for (int field = 0; field < fields; field++) {
            int length = int32(message, at);
            at += 4;
            starts[field] = at;
            lengths[field] = length;
            at += Math.max(length, 0);
        }
        if (at != message.length) {
            throw new IllegalStateException("COPY message holds " + (message.length - at) + " bytes after its row");
        }
        return new BinaryCopyRow(message, starts, lengths);
    }

    boolean isNull(int field) {
        return lengths[field] < 0;
    }

    UUID uuid(int field) {
        expectLength(field, 16);
        return new UUID(int64(message, starts[field]), int64(message, starts[field] + 8));
    }

    int int4(int field) {
        expectLength(field, 4);
        return int32(message, starts[field]);
    }

    /** A {@code timestamptz}: microseconds since 2000-01-01 UTC. */
    Instant timestamp(int field) {
        expectLength(field, 8);
        long micros = int64(message, starts[field]);
        return Instant.ofEpochSecond(POSTGRES_EPOCH_SECONDS + Math.floorDiv(micros, 1_000_000L),
                Math.floorMod(micros, 1_000_000L) * 1000L);
    }

    /** @return the field's text, or null for SQL null */
    String text(int field) {
        return isNull(field) ? null : new String(message, starts[field], lengths[field], StandardCharsets.UTF_8);
    }

    /** Where a jsonb field's text starts in {@link #message()}, after its version byte. */
    int jsonStart(int field) {
        if (isNull(field) || lengths[field] < 1 || message[starts[field]] != JSONB_VERSION) {
            throw new IllegalStateException("COPY field " + field + " is not jsonb of version " + JSONB_VERSION);
        }
        return starts[field] + 1;
    }

    /** How long a jsonb field's text is, without its version byte. */
    int jsonLength(int field) {
        return lengths[field] - 1;
    }

    /** The message the row was read from, which jsonb fields are read in place of. */
    byte[] message() {
        return message;
    }

    private void expectLength(int field, int expected) {
        if (lengths[field] != expected) {
            throw new IllegalStateException("COPY field " + field + " has " + lengths[field] + " bytes, expected "
                    + expected);
        }
    }

    /** Checks the signature, skips the flags and any header extension, and returns where the first row starts. */
    private static int afterHeader(byte[] message) {
        if (message.length < SIGNATURE.length + 8
                || !Arrays.equals(message, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
            throw new IllegalStateException("COPY did not start with the binary format's signature");
        }
        int extension = int32(message, SIGNATURE.length + 4);
        return SIGNATURE.length + 8 + extension;
    }

    private static int int16(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }

    private static int int32(byte[] b, int at) {
        return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }

    private static long int64(byte[] b, int at) {
        return ((long) int32(b, at) << 32) | (int32(b, at + 4) & 0xFFFF_FFFFL);
    }
}
