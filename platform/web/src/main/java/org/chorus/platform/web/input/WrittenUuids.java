package org.chorus.platform.web.input;

import java.util.UUID;

import org.chorus.platform.web.problem.ExpectedForms;

/**
 * Reads a UUID from its one written form. The JDK's {@link UUID#fromString} also reads {@code 1-1-1-1-1} and
 * {@code +1-1-1-1-1} as 00000001-0001-0001-0001-000000000001, and Jackson reads 24 characters of base64 as one, so
 * a mistyped or mangled id was looked up, or stored, as another.
 */
public final class WrittenUuids {

    /** What a parameter or cell that is not one is told. */
    public static final String RULE = "must be " + ExpectedForms.of(UUID.class);
    private static final int LENGTH = 36;

    private WrittenUuids() {
    }

    /** @throws IllegalArgumentException when {@code text} is not a UUID's written form */
    public static UUID parse(String text) {
        if (!isWritten(text)) {
            throw new IllegalArgumentException(RULE);
        }
        return UUID.fromString(text);
    }

    static boolean isWritten(String text) {
        if (text.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = text.charAt(i);
            boolean hyphenHere = i == 8 || i == 13 || i == 18 || i == 23;
            if (hyphenHere ? c != '-' : !hexDigit(c)) {
                return false;
            }
        }
        return true;
    }

    /** ASCII only: {@link Character#digit} would also take other scripts' digits, which UUID reads as ASCII's. */
    private static boolean hexDigit(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}
