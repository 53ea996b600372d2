package org.chorus.badinput;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Breaks one field of a JSON body, and names it as the target the answer must name. */
final class BodyMutations {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> ODD_CHARACTERS = List.of("\u0001", "\u001b[31m", "\u007f", "\u202e", "\ud800",
            "\udfff", "\ufffe", "\ud83d\ude00", "\r\n", "\t", "\u2028", "\u0085");

    /** Marks where half a character goes, once the body is text: Jackson would not write the escape itself. */
    private static final String HALF_MARK = "\u2603HALF\u2603";
    private static final List<String> HALVES = List.of("\\ud800", "\\uDFFF", "\\ude00\\ud83d", "\\ud83d",
            "\\udc00x");

    private static final Pattern WRITTEN_UUID = Pattern.compile("\\p{XDigit}{8}(-\\p{XDigit}{4}){3}-\\p{XDigit}{12}");
    private static final Pattern ISO_DATE_OR_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(T[\\d:.]+Z)?");
    /** Text of the forms that are read as something other than text: a date, an id, a kind. */
    private static final Pattern READ_AS_A_VALUE = Pattern.compile(
            ISO_DATE_OR_TIME.pattern() + "|" + WRITTEN_UUID.pattern() + "|[A-Z][A-Z_]+");
    private static final List<String> PADDING = List.of(" ", "\n", "\r\n", "\t", "\u0000", "\u001b", "\u0001");

    private BodyMutations() {
    }

    /** A field of the body with the value it has and where it sits. */
    private record Field(String pointer, JsonNode parent, String name, int index, JsonNode value) {
    }

    static void apply(Mutation mutation, Draft draft, SplittableRandom random) {
        switch (mutation) {
            case WRONG_TYPE -> replace(draft, random, any(), value -> wrongType(value, random));
            case UNEXPECTED_WORD -> replace(draft, random, JsonNode::isTextual, value -> NODES.textNode(
                    OddValues.pick(random, List.of("NOT_A_VALUE", "not-a-uuid", "2024-02-30", "yesterday", "ÅÄÖ"))));
            case BAD_NUMBER -> replace(draft, random, JsonNode::isNumber, value -> OddValues.number(random));
            case LONG_STRING -> replace(draft, random, JsonNode::isTextual, value -> NODES.textNode("x".repeat(100_000)));
            case NUL_IN_STRING -> replace(draft, random, JsonNode::isTextual, value -> insert(value, "\u0000", random));
            case CONTROL_CHARACTERS -> replace(draft, random, JsonNode::isTextual,
                    value -> insert(value, OddValues.pick(random, ODD_CHARACTERS), random));
            case HALF_CHARACTER -> {
                replace(draft, random, JsonNode::isTextual, value -> insert(value, HALF_MARK, random));
                draft.rawBody = new String(draft.bytes(), StandardCharsets.UTF_8)
                        .replace(HALF_MARK, OddValues.pick(random, HALVES)).getBytes(StandardCharsets.UTF_8);
            }
            case PADDED_VALUE -> replace(draft, random, BodyMutations::readAsAValue, value -> NODES.textNode(
                    random.nextBoolean() ? OddValues.pick(random, PADDING) + value.asText()
                            : value.asText() + OddValues.pick(random, PADDING)));
            case DATE_NOT_ISO -> replace(draft, random, BodyMutations::isoDateOrTime, value -> notIso(value, random));
            case ID_NOT_WRITTEN -> replace(draft, random, BodyMutations::writtenUuid, BodyMutations::inBase64);
            case NULL_FIELD -> replace(draft, random, any(), value -> NODES.nullNode());
            case MISSING_FIELD -> remove(draft, random);
            case UNKNOWN_FIELD -> addUnknown(draft, random);
            default -> throw new IllegalArgumentException(mutation + " does not change one field");
        }
    }

    /** Whether the body holds a value read as something other than text, which {@link Mutation#PADDED_VALUE} pads. */
    static boolean holdsAValue(JsonNode body) {
        return holds(body, BodyMutations::readAsAValue);
    }

    /** Whether the body holds a date or time, which {@link Mutation#DATE_NOT_ISO} writes in another form. */
    static boolean holdsADate(JsonNode body) {
        return holds(body, BodyMutations::isoDateOrTime);
    }

    /** Whether the body holds an id, which {@link Mutation#ID_NOT_WRITTEN} writes in base64. */
    static boolean holdsAnId(JsonNode body) {
        return holds(body, BodyMutations::writtenUuid);
    }

    private static boolean holds(JsonNode body, Predicate<JsonNode> kind) {
        List<Field> all = new ArrayList<>();
        collect(body, "", all);
        return all.stream().anyMatch(field -> kind.test(field.value()));
    }

    private static boolean isoDateOrTime(JsonNode value) {
        return value.isTextual() && ISO_DATE_OR_TIME.matcher(value.textValue()).matches();
    }

    /** The same day in a form Jackson once read as another: 20240601 was the year 57386. */
    private static JsonNode notIso(JsonNode value, SplittableRandom random) {
        LocalDate day = LocalDate.parse(value.textValue().substring(0, 10));
        long seconds = day.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        return switch (random.nextInt(6)) {
            case 0 -> NODES.numberNode(Long.parseLong(day.toString().replace("-", "")));
            case 1 -> NODES.numberNode(seconds);
            case 2 -> NODES.numberNode(seconds * 1000);
            case 3 -> NODES.arrayNode().add(day.getYear()).add(day.getMonthValue()).add(day.getDayOfMonth());
            case 4 -> NODES.textNode(value.textValue().length() == 10 ? day + "T23:30:00" : day.toString());
            default -> NODES.textNode("");
        };
    }

    private static boolean writtenUuid(JsonNode value) {
        return value.isTextual() && WRITTEN_UUID.matcher(value.textValue()).matches();
    }

    /** The same id as its 16 bytes in base64, which Jackson read as the UUID itself. */
    private static JsonNode inBase64(JsonNode value) {
        UUID id = UUID.fromString(value.textValue());
        return NODES.textNode(Base64.getEncoder().encodeToString(ByteBuffer.allocate(16)
                .putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array()));
    }

    private static boolean readAsAValue(JsonNode value) {
        return value.isIntegralNumber() || value.isTextual() && READ_AS_A_VALUE.matcher(value.textValue()).matches();
    }

    private static Predicate<JsonNode> any() {
        return value -> true;
    }

    private static void replace(Draft draft, SplittableRandom random, Predicate<JsonNode> preferred,
            java.util.function.Function<JsonNode, JsonNode> change) {
        List<Field> fields = fields(draft.json);
        List<Field> candidates = fields.stream().filter(field -> preferred.test(field.value())).toList();
        Field field = OddValues.pick(random, candidates.isEmpty() ? fields : candidates);
        JsonNode changed = change.apply(field.value());
        if (field.parent() instanceof ObjectNode object) {
            object.set(field.name(), changed);
        } else {
            ((ArrayNode) field.parent()).set(field.index(), changed);
        }
        draft.target = field.pointer();
    }

    private static void remove(Draft draft, SplittableRandom random) {
        Field field = OddValues.pick(random, fields(draft.json));
        if (field.parent() instanceof ObjectNode object) {
            object.remove(field.name());
        } else {
            ((ArrayNode) field.parent()).remove(field.index());
        }
        draft.target = field.pointer();
    }

    private static void addUnknown(Draft draft, SplittableRandom random) {
        List<Field> all = new ArrayList<>();
        collect(draft.json, "", all);
        List<Field> objects = new ArrayList<>(all.stream().filter(f -> f.value().isObject()).toList());
        objects.add(new Field("", null, null, -1, draft.json));
        Field field = OddValues.pick(random, objects);
        ((ObjectNode) field.value()).put("unexpectedField", 1);
        draft.target = field.pointer() + "/unexpectedField";
    }

    private static JsonNode wrongType(JsonNode value, SplittableRandom random) {
        List<JsonNode> others = new ArrayList<>(List.of(NODES.textNode("12"), NODES.numberNode(12),
                NODES.booleanNode(true), NODES.objectNode(), NODES.arrayNode().add("x")));
        others.removeIf(other -> other.getNodeType() == value.getNodeType());
        return OddValues.pick(random, others);
    }

    private static JsonNode insert(JsonNode value, String inserted, SplittableRandom random) {
        String text = value.asText();
        int at = random.nextInt(text.length() + 1);
        return NODES.textNode(text.substring(0, at) + inserted + text.substring(at));
    }

    /** Every field and array element below the root, depth first. */
    private static List<Field> fields(JsonNode root) {
        List<Field> fields = new ArrayList<>();
        collect(root, "", fields);
        if (fields.isEmpty()) {
            // An empty object: its only field is the one the mutation adds.
            ((ObjectNode) root).put("value", "x");
            collect(root, "", fields);
        }
        return fields;
    }

    private static void collect(JsonNode node, String pointer, List<Field> fields) {
        if (node.isObject()) {
            node.fields().forEachRemaining(entry -> {
                String child = pointer + "/" + entry.getKey().replace("~", "~0").replace("/", "~1");
                fields.add(new Field(child, node, entry.getKey(), -1, entry.getValue()));
                collect(entry.getValue(), child, fields);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                fields.add(new Field(pointer + "/" + i, node, null, i, node.get(i)));
                collect(node.get(i), pointer + "/" + i, fields);
            }
        }
    }
}
