package org.chorus.platform.web.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.SplittableRandom;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** A parameter's percent-escapes are accepted exactly when the bytes they stand for are UTF-8. */
class Utf8ParametersTest {

    @Test
    void latin1AndOverlongEscapesAreNotUtf8() {
        assertFalse(Utf8Parameters.decodesAsUtf8("Ynys%20M%F4n"), "Latin-1's ô");
        assertFalse(Utf8Parameters.decodesAsUtf8("Caf%E9"), "Latin-1's é");
        assertFalse(Utf8Parameters.decodesAsUtf8("%C0%AF"), "an overlong /");
        assertFalse(Utf8Parameters.decodesAsUtf8("%ED%A0%80"), "half of a surrogate pair");
        assertFalse(Utf8Parameters.decodesAsUtf8("%E2%82"), "a character cut short");
        assertTrue(Utf8Parameters.decodesAsUtf8("Ynys%20M%C3%B4n"));
        assertTrue(Utf8Parameters.decodesAsUtf8("%F0%9F%8F%A5"), "an emoji");
        assertTrue(Utf8Parameters.decodesAsUtf8("blackpool"));
        assertTrue(Utf8Parameters.decodesAsUtf8("100%"), "a % that is no escape is left to the parameter's form");
        assertTrue(Utf8Parameters.decodesAsUtf8("%zz"));
    }

    /** Random bytes, most in the ranges where UTF-8's rules are, each percent-encoded or, if ASCII, written as it is. */
    @RepeatedTest(300)
    void agreesWithTheJdksStrictDecoder(RepetitionInfo repetition) {
        SplittableRandom random = new SplittableRandom(repetition.getCurrentRepetition());
        byte[] bytes = new byte[1 + random.nextInt(10)];
        StringBuilder encoded = new StringBuilder();
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (random.nextInt(4) == 0 ? 'a' + random.nextInt(26) : 0x80 + random.nextInt(0x80));
            encoded.append(bytes[i] >= 'a' && bytes[i] <= 'z' && random.nextBoolean() ? String.valueOf((char) bytes[i])
                    : "%" + HexFormat.of().withUpperCase().toHexDigits(bytes[i]));
        }
        assertEquals(JdkUtf8.decodesStrictly(bytes), Utf8Parameters.decodesAsUtf8(encoded.toString()),
                encoded.toString());
    }
}
