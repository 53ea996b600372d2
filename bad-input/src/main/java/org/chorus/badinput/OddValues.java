package org.chorus.badinput;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** The values a script tries: out of range, of the wrong form, or with characters nobody expects. */
final class OddValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Percent-encoded, as sent in a path or query: NUL, a control character, invalid UTF-8, right-to-left override. */
    private static final List<String> ENCODED_ODDITIES = List.of("%00", "x%00y", "%01", "%1B", "%7F", "%C3%28",
            "%FF%FE", "%ED%A0%80", "%C0%AF", "%E2%80%AE", "%EF%BF%BF", "%F0%9F%98%80");

    private OddValues() {
    }

    static <T> T pick(SplittableRandom random, List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    static JsonNode number(SplittableRandom random) {
        return pick(random, List.of(NODES.numberNode(-1), NODES.numberNode(Integer.MIN_VALUE),
                NODES.numberNode(Long.MAX_VALUE), NODES.numberNode(new BigInteger("99999999999999999999999999")),
                NODES.numberNode(new BigDecimal("1e400")), NODES.numberNode(new BigDecimal("-1e-400")),
                NODES.numberNode(2.5), NODES.numberNode(0)));
    }

    /** A path parameter's value that is not an id or code, percent-encoded. */
    static String pathValue(SplittableRandom random) {
        List<String> odd = List.of("not-a-uuid", "12345", "5d3f6a2e-9c4b-4f0e-8a1d-0b7c2e9f4a61x",
                "00000000-0000-0000-0000-000000000000", "x".repeat(3000), "%2F", "%25", "%20", "null", "%7B%7D",
                "5d3f6a2e9c4b4f0e8a1d0b7c2e9f4a61", "'%20OR%201=1--", "1-1-1-1-1", "%2B1-1-1-1-1");
        return random.nextBoolean() ? pick(random, odd) : pick(random, ENCODED_ODDITIES);
    }

    /** A query parameter's value of the wrong form for its schema, percent-encoded. */
    static String queryValue(JsonNode schema, SplittableRandom random) {
        if (random.nextInt(3) == 0) {
            return pick(random, ENCODED_ODDITIES);
        }
        String type = schema.path("type").asText();
        String format = schema.path("format").asText();
        List<String> wrong = switch (type) {
            case "integer", "number" -> List.of("abc", "-1", "0", "99999999999999999999", "1.5", "1e3", "", "%2B5",
                    "0x10", "NaN");
            case "boolean" -> List.of("maybe", "2", "", "yes%00");
            case "array" -> List.of("%5B%5D", "a,,b", "", "x".repeat(2000));
            default -> switch (format) {
                case "date" -> List.of("2024-13-45", "yesterday", "99999-01-01", "2024-02-30", "-1", "");
                case "date-time" -> List.of("2024-13-45T00:00:00Z", "now", "%2B999999999-12-31T23:59:59Z", "");
                case "uuid" -> List.of("not-a-uuid", "", "1234", "1-1-1-1-1", "%2B1-1-1-1-1");
                default -> schema.has("enum") ? List.of("NOT_A_VALUE", "", "%20") : stringValues(random);
            };
        };
        return pick(random, wrong);
    }

    private static List<String> stringValues(SplittableRandom random) {
        byte[] garbage = new byte[1 + random.nextInt(40)];
        random.nextBytes(garbage);
        String tampered = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("+999999999-12-31T23:59:59Z\n" + "x").getBytes(StandardCharsets.UTF_8));
        return List.of("!!!", Base64.getUrlEncoder().withoutPadding().encodeToString(garbage), tampered,
                "x".repeat(5000), "%25", "eyJ9", "a%0Ab");
    }

    /** An odd value for a request header; the HTTP client refuses control characters, so these are all it sends. */
    static String headerValue(SplittableRandom random) {
        return pick(random, List.of("", "\"stale\"", "W/\"x\"", "garbage", "*", "x".repeat(10_000), "null",
                "\"" + "9".repeat(40) + "\"", "https://evil.example", "file://", "%00", "a, b, c", "\"\""));
    }
}
