package org.chorus.badinput;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/** Breaks a body as a whole: its syntax, its encoding, its shape or its Content-Type. No field is to blame. */
final class WholeBodyMutations {

    private static final String PLACEHOLDER = "\u2603BAD\u2603";
    private static final List<byte[]> INVALID_UTF8 = List.of(new byte[] { (byte) 0xC3, 0x28 },
            new byte[] { (byte) 0xFF }, new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 },
            new byte[] { (byte) 0xC0, (byte) 0xAF }, new byte[] { (byte) 0xF8, (byte) 0x88, (byte) 0x80 });

    private WholeBodyMutations() {
    }

    static void apply(Mutation mutation, Draft draft, SplittableRandom random) {
        switch (mutation) {
            case MALFORMED_JSON -> draft.rawBody = malformed(text(draft), random);
            case INVALID_UTF8 -> draft.rawBody = invalidUtf8(draft, random);
            case DUPLICATE_KEY -> draft.rawBody = duplicateKey(text(draft), random);
            case DEEP_NESTING -> {
                int depth = 65 + random.nextInt(2000);
                draft.rawBody = ("{\"nested\":" + "[".repeat(depth) + "]".repeat(depth) + "}")
                        .getBytes(StandardCharsets.UTF_8);
            }
            case EMPTY_BODY -> draft.rawBody = new byte[0];
            case NOT_AN_OBJECT -> draft.rawBody = OddValues.pick(random,
                    List.of("[]", "42", "\"text\"", "null", "true", "[{}]", "-0", " ")).getBytes(StandardCharsets.UTF_8);
            case WRONG_CONTENT_TYPE -> draft.headers.put("Content-Type", OddValues.pick(random, List.of("text/plain",
                    "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                    "application/json; charset=nope", "garbage", "application/", "*/*", "text/csv",
                    "application/json-patch+json", "application/problem+json", "image/png")));
            default -> throw new IllegalArgumentException(mutation + " changes one field, not the body");
        }
    }

    private static String text(Draft draft) {
        return new String(draft.bytes(), StandardCharsets.UTF_8);
    }

    private static byte[] malformed(String json, SplittableRandom random) {
        String broken = switch (random.nextInt(6)) {
            case 0 -> json.substring(0, 1 + random.nextInt(Math.max(1, json.length() - 1)));
            case 1 -> json + "}}";
            case 2 -> json.replace('"', '\'');
            case 3 -> "/* comment */" + json;
            case 4 -> json.replaceFirst(":", ":NaN,\"x\":");
            default -> json.replaceFirst(",", ",,");
        };
        return broken.getBytes(StandardCharsets.UTF_8);
    }

    /** The body with its first string value's content replaced by bytes that are not UTF-8. */
    private static byte[] invalidUtf8(Draft draft, SplittableRandom random) {
        String json = text(draft);
        int quote = json.indexOf(":\"");
        String marked = quote < 0 ? "{\"x\":\"" + PLACEHOLDER + "\"}"
                : json.substring(0, quote + 2) + PLACEHOLDER + json.substring(quote + 2);
        int at = marked.indexOf(PLACEHOLDER);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(marked.substring(0, at).getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(OddValues.pick(random, INVALID_UTF8));
        bytes.writeBytes(marked.substring(at + PLACEHOLDER.length()).getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    /** The body's first key given again at its end, with a value of another type. */
    private static byte[] duplicateKey(String json, SplittableRandom random) {
        int start = json.indexOf('"');
        int end = json.indexOf('"', start + 1);
        if (!json.startsWith("{") || start < 0 || end < 0) {
            return "{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8);
        }
        String key = json.substring(start, end + 1);
        String again = key + ":" + OddValues.pick(random, List.of("\"x\"", "1", "null", "{}", "[]"));
        return (json.substring(0, json.length() - 1) + (json.length() > 2 ? "," : "") + again + "}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
