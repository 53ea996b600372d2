package org.chorus.platform.web.input;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.SplittableRandom;

import org.chorus.platform.web.problem.ProblemException;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * The body check agrees with the JDK's strict UTF-8 decoder on every byte sequence, and passes what it accepts through
 * unchanged, whether read a byte at a time or in blocks.
 */
class StrictUtf8InputStreamTest {

    @Test
    void formsJacksonWouldReadAreRefusedAtTheirOffset() {
        for (String hex : new String[] { "C0AF", "C1BF", "E080AF", "EDA080", "F4908080", "F88880", "FF", "C328" }) {
            byte[] body = concat("{\"name\":\"Caf".getBytes(StandardCharsets.UTF_8), HexFormat.of().parseHex(hex),
                    "e\"}".getBytes(StandardCharsets.UTF_8));
            ProblemException refused = assertThrows(ProblemException.class, () -> readInBlocks(body), hex);
            assertEquals(400, refused.status());
            assertTrue(refused.getMessage().startsWith("The body is not UTF-8 at byte 12 (" + hex.substring(0, 2)),
                    refused.getMessage());
            assertTrue(refused.getMessage().endsWith(StrictUtf8InputStream.RULE), refused.getMessage());
        }
        ProblemException latin1 = assertThrows(ProblemException.class,
                () -> readInBlocks("{\"name\":\"Caf\u00e9 \"}".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals("The body is not UTF-8 at byte 12 (E9 20); " + StrictUtf8InputStream.RULE, latin1.getMessage());
    }

    @Test
    void aBodyThatStopsInsideACharacterIsRefused() {
        ProblemException refused = assertThrows(ProblemException.class,
                () -> readInBlocks(HexFormat.of().parseHex("22E282")));
        assertEquals("The body is not UTF-8 at byte 1 (E2 82), where it ends inside a character; "
                + StrictUtf8InputStream.RULE, refused.getMessage());
    }

    @Test
    void whatUtf8AllowsPassesUnchanged() throws IOException {
        String text = "{\"name\":\"Café, Ysbyty Gwynedd, 病院, 🏥, \uD83D\uDC69\u200D\u2695\uFE0F\"}";
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(body, readInBlocks(body));
        assertArrayEquals(body, readByteByByte(body));
    }

    /** Random bytes, most of them in the ranges where UTF-8's rules are: accepted exactly when the JDK accepts. */
    @RepeatedTest(500)
    void agreesWithTheJdksStrictDecoder(RepetitionInfo repetition) throws IOException {
        SplittableRandom random = new SplittableRandom(repetition.getCurrentRepetition());
        byte[] body = new byte[1 + random.nextInt(12)];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) (random.nextInt(4) == 0 ? random.nextInt(0x80) : 0x80 + random.nextInt(0x80));
        }
        boolean utf8 = JdkUtf8.decodesStrictly(body);
        for (boolean blocks : new boolean[] { true, false }) {
            String seen = HexFormat.of().formatHex(body) + (blocks ? " in blocks" : " byte by byte");
            if (utf8) {
                assertArrayEquals(body, blocks ? readInBlocks(body) : readByteByByte(body), seen);
            } else {
                assertThrows(ProblemException.class, () -> {
                    if (blocks) {
                        readInBlocks(body);
                    } else {
                        readByteByByte(body);
                    }
                }, seen);
            }
        }
    }

    /** Random text of any code point, supplementary ones included, always passes. */
    @RepeatedTest(200)
    void anyTextEncodedAsUtf8Passes(RepetitionInfo repetition) throws IOException {
        SplittableRandom random = new SplittableRandom(1_000 + repetition.getCurrentRepetition());
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            int codePoint = random.nextInt(Character.MAX_CODE_POINT + 1);
            if (codePoint < Character.MIN_SURROGATE || codePoint > Character.MAX_SURROGATE) {
                text.appendCodePoint(codePoint);
            }
        }
        byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(body, readInBlocks(body));
    }

    private static byte[] readInBlocks(byte[] body) throws IOException {
        try (InputStream in = new StrictUtf8InputStream(new ByteArrayInputStream(body))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] block = new byte[3];
            for (int n = in.read(block, 0, block.length); n >= 0; n = in.read(block, 0, block.length)) {
                out.write(block, 0, n);
            }
            return out.toByteArray();
        }
    }

    private static byte[] readByteByByte(byte[] body) throws IOException {
        try (InputStream in = new StrictUtf8InputStream(new ByteArrayInputStream(body))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int b = in.read(); b >= 0; b = in.read()) {
                out.write(b);
            }
            return out.toByteArray();
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
